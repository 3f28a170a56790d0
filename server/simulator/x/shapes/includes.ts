/** Builds the `includes` object for the expansions a request asked for. */
import type { FieldSelection } from '../fields.js';
import type { SimDmEvent, SimTweet } from '../model.js';
import type { World } from '../world.js';
import { presentMedia } from './media.js';
import { presentTweet, referencesOf } from './tweet.js';
import { presentUser } from './user.js';

/** Collects referenced objects once each, in order of first reference. */
class IncludesBuilder {
  private readonly userIds = new Set<string>();
  private readonly tweetIds = new Set<string>();
  private readonly mediaKeys = new Set<string>();

  constructor(private readonly world: World, private readonly selection: FieldSelection) {}

  user(id: string | undefined): void {
    if (id !== undefined && this.world.users.has(id)) this.userIds.add(id);
  }

  tweet(id: string | undefined): void {
    if (id !== undefined && this.world.tweets.has(id)) this.tweetIds.add(id);
  }

  media(keys: readonly string[] | undefined): void {
    for (const key of keys ?? []) if (this.world.media.has(key)) this.mediaKeys.add(key);
  }

  build(): Record<string, unknown[]> | undefined {
    const { world, selection } = this;
    const includes: Record<string, unknown[]> = {};
    if (this.userIds.size) includes.users = [...this.userIds].map((id) => presentUser(world.users.get(id)!, selection.user));
    if (this.tweetIds.size) includes.tweets = [...this.tweetIds].map((id) => presentTweet(world.tweets.get(id)!, selection.tweet));
    if (this.mediaKeys.size) includes.media = [...this.mediaKeys].map((key) => presentMedia(world.media.get(key)!, selection.media));
    return Object.keys(includes).length ? includes : undefined;
  }
}

/** `includes` for a page of posts (authors, replied-to users and posts, mentioned users, photos). */
export function tweetIncludes(world: World, tweets: readonly SimTweet[], selection: FieldSelection) {
  const builder = new IncludesBuilder(world, selection);
  const expand = selection.expansions;
  for (const tweet of tweets) {
    if (expand.has('author_id')) builder.user(tweet.authorId);
    if (expand.has('in_reply_to_user_id')) builder.user(tweet.inReplyToUserId);
    if (expand.has('entities.mentions.username')) for (const mention of tweet.mentions) builder.user(mention.id);
    if (expand.has('attachments.media_keys')) builder.media(tweet.mediaKeys);
    for (const reference of referencesOf(tweet)) {
      if (expand.has('referenced_tweets.id')) builder.tweet(reference.id);
      const referenced = world.tweets.get(reference.id);
      if (expand.has('referenced_tweets.id.author_id')) builder.user(referenced?.authorId);
      if (expand.has('referenced_tweets.id.attachments.media_keys')) builder.media(referenced?.mediaKeys);
    }
  }
  return builder.build();
}

/** `includes` for a page of DM events (senders). */
export function dmIncludes(world: World, events: readonly SimDmEvent[], selection: FieldSelection) {
  const builder = new IncludesBuilder(world, selection);
  for (const event of events) if (selection.expansions.has('sender_id')) builder.user(event.senderId);
  return builder.build();
}
