import type { Message } from '../../routing/index.js';
import type { XDmEvent, XIncludes, XMedia, XTweet, XUser } from './payloads.js';

const TWITTER_EPOCH_MS = 1288834974657n;

/** The creation time encoded in an X snowflake id (used when created_at is missing). */
export function snowflakeTime(id: string): string {
  return new Date(Number((BigInt(id) >> 22n) + TWITTER_EPOCH_MS)).toISOString();
}

function lookup<T>(items: T[] | undefined, key: (item: T) => string): Map<string, T> {
  return new Map((items ?? []).map((item) => [key(item), item]));
}

/** Resolves expansions of one page once. */
export class PageIncludes {
  private readonly users: Map<string, XUser>;
  private readonly media: Map<string, XMedia>;

  constructor(includes: XIncludes | undefined) {
    this.users = lookup(includes?.users, (user) => user.id);
    this.media = lookup(includes?.media, (item) => item.media_key);
  }

  /** The message author; a deleted or withheld author (absent from includes) keeps only its id. */
  author(id: string): Message['author'] {
    const user = this.users.get(id);
    const author: Message['author'] = { id };
    if (user?.username !== undefined) author.handle = user.username;
    if (user?.name !== undefined) author.name = user.name;
    if (typeof user?.public_metrics?.followers_count === 'number') author.followers = user.public_metrics.followers_count;
    if (typeof user?.verified === 'boolean') author.verified = user.verified;
    return author;
  }

  attachments(mediaKeys: string[] | undefined): Message['attachments'] | undefined {
    if (!mediaKeys?.length) return undefined;
    return mediaKeys.map((key) => ({ type: this.media.get(key)?.type ?? 'unknown' }));
  }
}

/** A mention or reply as a normalized public message. */
export function tweetToMessage(tweet: XTweet, includes: PageIncludes): Message {
  const references = tweet.referenced_tweets ?? tweet.referenced_posts ?? [];
  const message: Message = {
    id: `x:${tweet.id}`,
    platform: 'x',
    channel: 'public',
    text: tweet.text ?? '',
    createdAt: tweet.created_at ?? snowflakeTime(tweet.id),
    author: includes.author(tweet.author_id ?? 'unknown'),
    threadId: tweet.conversation_id ?? tweet.id,
  };
  if (tweet.lang) message.lang = tweet.lang;
  const repliedTo = references.find((reference) => reference.type === 'replied_to');
  if (repliedTo) message.inReplyTo = repliedTo.id;
  const attachments = includes.attachments(tweet.attachments?.media_keys);
  if (attachments) message.attachments = attachments;
  return message;
}

/** A direct-message event as a normalized DM; the conversation is the thread. */
export function dmEventToMessage(event: XDmEvent, includes: PageIncludes): Message {
  const message: Message = {
    id: `x:${event.id}`,
    platform: 'x',
    channel: 'dm',
    text: event.text ?? '',
    createdAt: event.created_at ?? snowflakeTime(event.id),
    author: includes.author(event.sender_id ?? 'unknown'),
    threadId: event.dm_conversation_id ?? event.sender_id ?? event.id,
  };
  const attachments = includes.attachments(event.attachments?.media_keys);
  if (attachments) message.attachments = attachments;
  return message;
}
