import type { Message } from '../../routing/index.js';
import { displayOf, XText } from './display.js';
import type { XDmEvent, XIncludes, XMedia, XReference, XTweet, XUser } from './payloads.js';
import { unescapeXText } from './text.js';

const TWITTER_EPOCH_MS = 1288834974657n;

/** The creation time encoded in an X snowflake id (used when created_at is missing). */
export function snowflakeTime(id: string): string {
  return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS)).toISOString();
}

function lookup<T>(items: T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

/** An X author as stored on a message: routing.md's fields plus `verifiedType` (blue, business, government, none) for display. */
export type XAuthor = Message['author'] & { verifiedType?: string };

/** Resolves expansions of one page once. */
export class PageIncludes {
  private readonly users: Map<string, XUser>;
  private readonly media: Map<string, XMedia>;
  private readonly tweets: Map<string, XTweet>;

  constructor(includes: XIncludes | undefined) {
    this.users = lookup(includes?.users, (user) => user.id);
    this.media = lookup(includes?.media, (item) => item.media_key);
    this.tweets = lookup(includes?.tweets ?? includes?.posts, (tweet) => tweet.id);
  }

  /** The message author; a deleted or withheld author (absent from includes) keeps only its id. */
  author(id: string): XAuthor {
    const user = this.users.get(id);
    const author: XAuthor = { id };
    if (user?.username !== undefined) author.handle = user.username;
    if (user?.name !== undefined) author.name = user.name;
    if (typeof user?.public_metrics?.followers_count === 'number') author.followers = user.public_metrics.followers_count;
    if (typeof user?.verified === 'boolean') author.verified = user.verified;
    if (user?.verified_type !== undefined && user.verified_type !== 'none') author.verifiedType = user.verified_type;
    return author;
  }

  /** The author of a referenced post, when the page expanded it. */
  authorOfPost(id: string): string | undefined {
    return this.tweets.get(id)?.author_id;
  }

  /** routing.md's attachments, with the addresses the inbox shows (presenters/mediaLinks.ts checks them). */
  attachments(mediaKeys: string[] | undefined): Message['attachments'] | undefined {
    if (!mediaKeys?.length) return undefined;
    return mediaKeys.map((key) => {
      const media = this.media.get(key);
      return {
        type: media?.type ?? 'unknown',
        ...(media?.url ? { url: media.url } : {}),
        ...(media?.preview_image_url ? { previewUrl: media.preview_image_url } : {}),
        ...(media?.alt_text ? { altText: media.alt_text } : {}),
      };
    });
  }
}

/** routing.md §1 `kind`, from the post's referenced_tweets. */
export type PostKind = 'post' | 'reply' | 'quote' | 'repost' | 'dm';

const KIND_BY_REFERENCE: Record<string, PostKind> = { retweeted: 'repost', quoted: 'quote', replied_to: 'reply' };

/** The first version's id of an edited post (its messages are keyed by it), or the post's own id. */
export function originalIdOf(tweet: XTweet): string {
  const history = tweet.edit_history_tweet_ids ?? tweet.edit_history_post_ids;
  return history && history.length > 1 && history[0] ? history[0] : tweet.id;
}

/** Whether this is a later version of an edited post. */
export function isEdit(tweet: XTweet): boolean {
  return originalIdOf(tweet) !== tweet.id;
}

/**
 * A post (a mention, a reply, a quote or a repost, the customer's or the
 * brand's) as a normalized public message, with what the inbox needs to show
 * it: the whole text of a long post, unescaped; links with their expanded
 * form; the leading @mentions of a reply to mute; the author's verified_type.
 * An edited post keeps its first version's id, so the edit updates it.
 */
export function tweetToMessage(tweet: XTweet, includes: PageIncludes, brandId: string): Message {
  const references = tweet.referenced_tweets ?? tweet.referenced_posts ?? [];
  const text = new XText(tweet.note_tweet?.text ?? tweet.text ?? '');
  const message: Message = {
    id: `x:${originalIdOf(tweet)}`,
    platform: 'x',
    channel: 'public',
    text: text.text,
    createdAt: tweet.created_at ?? snowflakeTime(tweet.id),
    author: includes.author(tweet.author_id ?? 'unknown'),
    threadId: tweet.conversation_id ?? tweet.id,
    kind: kindOf(references),
  };
  if (tweet.lang) message.lang = tweet.lang;
  const repliedTo = references.find((reference) => reference.type === 'replied_to');
  if (repliedTo) message.inReplyTo = repliedTo.id;
  const answeredAuthor = tweet.in_reply_to_user_id ?? referencedAuthor(references, includes);
  if (answeredAuthor) message.inReplyToAuthorId = answeredAuthor;
  const attachments = includes.attachments(tweet.attachments?.media_keys);
  if (attachments) message.attachments = attachments;
  if (isEdit(tweet)) Object.assign(message, { editedAt: tweet.created_at ?? snowflakeTime(tweet.id), latestVersionId: tweet.id });
  return Object.assign(message, displayOf(tweet, text, brandId));
}

/** A direct-message event as a normalized DM; the conversation is the thread. */
export function dmEventToMessage(event: XDmEvent, includes: PageIncludes): Message {
  const message: Message = {
    id: `x:${event.id}`,
    platform: 'x',
    channel: 'dm',
    text: unescapeXText(event.text ?? ''),
    createdAt: event.created_at ?? snowflakeTime(event.id),
    author: includes.author(event.sender_id ?? 'unknown'),
    threadId: event.dm_conversation_id ?? event.sender_id ?? event.id,
    kind: 'dm',
  };
  const attachments = includes.attachments(event.attachments?.media_keys);
  if (attachments) message.attachments = attachments;
  return message;
}

function kindOf(references: XReference[]): PostKind {
  for (const type of ['retweeted', 'quoted', 'replied_to']) if (references.some((reference) => reference.type === type)) return KIND_BY_REFERENCE[type]!;
  return 'post';
}

/** Whom the post answers when X did not say (in_reply_to_user_id): the replied-to, quoted or reposted post's author. */
function referencedAuthor(references: XReference[], includes: PageIncludes): string | undefined {
  for (const type of ['replied_to', 'quoted', 'retweeted']) {
    const reference = references.find((candidate) => candidate.type === type);
    const author = reference && includes.authorOfPost(reference.id);
    if (author) return author;
  }
  return undefined;
}
