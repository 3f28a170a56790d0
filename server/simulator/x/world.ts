/** The simulated X world: accounts, posts, the brand's mentions timeline and DM events, all in memory. */
import { SnowflakeIds, oneToOneConversationId } from './ids.js';
import type { SimDmEvent, SimMedia, SimTweet, SimUser } from './model.js';

const MAX_TWEET_LENGTH = 280;

/** What it takes to create a post. */
export interface NewTweet {
  text: string;
  authorId: string;
  createdAt: number;
  replyTo?: SimTweet;
  mediaKeys?: string[];
  lang?: string;
}

/** Holds every record; arrays stay in ascending id order because ids only grow. */
export class World {
  readonly ids = new SnowflakeIds();
  readonly users = new Map<string, SimUser>();
  readonly tweets = new Map<string, SimTweet>();
  readonly media = new Map<string, SimMedia>();
  /** Posts that mention the brand, ascending by id (the mentions timeline). */
  readonly mentions: SimTweet[] = [];
  /** DM events in conversations with the brand, ascending by id. */
  readonly dmEvents: SimDmEvent[] = [];
  private readonly userIdsByHandle = new Map<string, string>();

  constructor(readonly brand: SimUser) {
    this.addUser(brand);
  }

  /** Registers an account, renaming its handle if another account already holds it. */
  addUser(user: SimUser): SimUser {
    const existing = this.users.get(user.id);
    if (existing) return existing;
    let username = user.username;
    for (let n = 2; this.userIdsByHandle.has(username.toLowerCase()); n++) {
      username = `${user.username.slice(0, 15 - String(n).length)}${n}`;
    }
    const stored = { ...user, username };
    this.users.set(stored.id, stored);
    this.userIdsByHandle.set(username.toLowerCase(), stored.id);
    return stored;
  }

  /** Looks an account up by handle, ignoring case as X does. */
  userByHandle(username: string): SimUser | undefined {
    const id = this.userIdsByHandle.get(username.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Creates a post; it joins the mentions timeline when its text mentions the brand. */
  addTweet(input: NewTweet): SimTweet {
    const id = this.ids.next(input.createdAt);
    const text = truncate(input.text, MAX_TWEET_LENGTH);
    const mentions = this.findMentions(text);
    const tweet: SimTweet = {
      id,
      text,
      authorId: input.authorId,
      createdAt: input.createdAt,
      conversationId: input.replyTo?.conversationId ?? id,
      lang: input.lang ?? (/\p{L}/u.test(text) ? 'en' : 'und'),
      ...(input.replyTo ? { inReplyToUserId: input.replyTo.authorId, repliedToId: input.replyTo.id } : {}),
      ...(input.mediaKeys?.length ? { mediaKeys: input.mediaKeys } : {}),
      mentions,
      mentionsBrand: mentions.some((mention) => mention.id === this.brand.id),
    };
    this.tweets.set(id, tweet);
    if (tweet.mentionsBrand) this.mentions.push(tweet);
    return tweet;
  }

  /** Records a direct message between the brand and a customer (either direction). */
  addDmEvent(input: { text: string; senderId: string; recipientId: string; createdAt: number }): SimDmEvent {
    const event: SimDmEvent = {
      id: this.ids.next(input.createdAt),
      ...input,
      conversationId: oneToOneConversationId(input.senderId, input.recipientId),
    };
    this.dmEvents.push(event);
    return event;
  }

  /** Registers a photo and returns its media key. */
  addPhoto(createdAt: number, url: string, width: number, height: number): string {
    const mediaKey = `3_${this.ids.next(createdAt)}`;
    this.media.set(mediaKey, { mediaKey, url, width, height });
    return mediaKey;
  }

  private findMentions(text: string): SimTweet['mentions'] {
    const found: SimTweet['mentions'] = [];
    for (const match of text.matchAll(/(^|[^\w@])@(\w{1,15})\b/g)) {
      const username = match[2] as string;
      const startUnits = (match.index ?? 0) + (match[1] as string).length;
      const start = [...text.slice(0, startUnits)].length;
      const user = this.userByHandle(username);
      found.push({ username: user?.username ?? username, start, end: start + 1 + username.length, ...(user ? { id: user.id } : {}) });
    }
    return found;
  }
}

function truncate(text: string, maxCodePoints: number): string {
  const codePoints = [...text];
  return codePoints.length <= maxCodePoints ? text : `${codePoints.slice(0, maxCodePoints - 1).join('')}…`;
}
