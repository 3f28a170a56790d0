/** The simulated X world: accounts, posts, the brand's mentions timeline and DM events, all in memory. */
import { SnowflakeIds, oneToOneConversationId } from './ids.js';
import type { SimDmEvent, SimMedia, SimTweet, SimUrl, SimUser } from './model.js';

const MAX_TWEET_LENGTH = 280;

/** What it takes to create a post. */
export interface NewTweet {
  text: string;
  authorId: string;
  createdAt: number;
  replyTo?: SimTweet;
  quote?: SimTweet;
  repostOf?: SimTweet;
  mediaKeys?: string[];
  lang?: string;
  /** X indexes the post into the mentions timeline only at this time (late indexing). */
  indexedAt?: number;
  /** Earlier versions' ids, oldest first (an edit). */
  editOf?: SimTweet;
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
  private readonly replacedIds = new Set<string>();

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
    const { text: fullText, urls } = shortenLinks(input.text, id);
    const long = [...fullText].length > MAX_TWEET_LENGTH;
    const text = truncate(fullText, MAX_TWEET_LENGTH);
    const mentions = this.findMentions(fullText);
    const replyTo = input.replyTo ?? (input.editOf?.repliedToId ? this.tweets.get(input.editOf.repliedToId) : undefined);
    const tweet: SimTweet = {
      id,
      text,
      authorId: input.authorId,
      createdAt: input.createdAt,
      conversationId: input.editOf?.conversationId ?? replyTo?.conversationId ?? id,
      lang: input.lang ?? (/\p{L}/u.test(text) ? 'en' : 'und'),
      ...(replyTo ? { inReplyToUserId: replyTo.authorId, repliedToId: replyTo.id } : {}),
      ...(input.quote ? { quotedId: input.quote.id } : {}),
      ...(input.repostOf ? { repostOfId: input.repostOf.id } : {}),
      ...(long ? { noteText: fullText } : {}),
      ...(urls.length ? { urls } : {}),
      ...(input.editOf ? { editHistory: [...(input.editOf.editHistory ?? [input.editOf.id]), id] } : {}),
      ...(input.indexedAt !== undefined && input.indexedAt > input.createdAt ? { indexedAt: input.indexedAt } : {}),
      ...(input.mediaKeys?.length ? { mediaKeys: input.mediaKeys } : {}),
      mentions,
      mentionsBrand: mentions.some((mention) => mention.id === this.brand.id),
    };
    this.tweets.set(id, tweet);
    if (input.editOf) {
      this.replacedIds.add(input.editOf.id);
      this.dropFromMentions(input.editOf.id);
    }
    if (tweet.mentionsBrand) this.mentions.push(tweet);
    return tweet;
  }

  /** Posts by one account, ascending by id (GET /2/users/:id/tweets). */
  postsBy(authorId: string): SimTweet[] {
    return [...this.tweets.values()].filter((tweet) => tweet.authorId === authorId && !this.replaced(tweet));
  }

  /** Whether a later version replaced this post (an edit). */
  replaced(tweet: SimTweet): boolean {
    return this.replacedIds.has(tweet.id);
  }

  private dropFromMentions(id: string): void {
    const index = this.mentions.findIndex((tweet) => tweet.id === id);
    if (index >= 0) this.mentions.splice(index, 1);
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

/** Replaces every http(s) link with a t.co address, as X does, and records where each sits (code points of the result). */
function shortenLinks(text: string, salt: string): { text: string; urls: SimUrl[] } {
  const urls: SimUrl[] = [];
  let out = '';
  let last = 0;
  for (const match of text.matchAll(/https?:\/\/[^\s]+/g)) {
    const index = match.index ?? 0;
    out += text.slice(last, index);
    const url = `https://t.co/${(BigInt(salt) + BigInt(urls.length)).toString(36).slice(-10)}`;
    const start = [...out].length;
    urls.push({ start, end: start + url.length, url, expandedUrl: match[0], displayUrl: displayUrl(match[0]) });
    out += url;
    last = index + match[0].length;
  }
  return { text: out + text.slice(last), urls };
}

function displayUrl(expanded: string): string {
  const bare = expanded.replace(/^https?:\/\/(www\.)?/, '');
  return bare.length > 26 ? `${bare.slice(0, 25)}…` : bare;
}

function truncate(text: string, maxCodePoints: number): string {
  const codePoints = [...text];
  return codePoints.length <= maxCodePoints ? text : `${codePoints.slice(0, maxCodePoints - 1).join('')}…`;
}
