/** XSimulator: the simulated X world and everything a test or demo can do to it without HTTP. */
import { loadCareCorpus } from './corpus.js';
import { CareTrafficGenerator, preloadTraffic, type GeneratedItem } from './dataset.js';
import type { EndpointName } from './endpoints.js';
import { FaultQueue, type FaultSpec, type QueuedFault } from './faults.js';
import { LiveFeed } from './feed.js';
import { HeldResponses } from './holds.js';
import type { SimDmEvent, SimTweet, SimUser, UserSpec } from './model.js';
import { resolveOptions, type FeedOptions, type ResolvedOptions, type XSimulatorOptions } from './options.js';
import { makeBrandUser, makeCustomer } from './people.js';
import { PostedLog, type PostedTweet, type SentDm } from './posted.js';
import { SeededRandom } from './prng.js';
import { RateLimiter } from './rateLimits.js';
import { RequestStats, type EndpointStats } from './stats.js';
import { World } from './world.js';

/** A customer mention to add by hand; the brand's handle is put in front when the text lacks it. */
export interface AddMentionInput {
  text: string;
  /** An existing user (by id) or a description of a new one; made up when omitted. */
  author?: UserSpec;
  /** Makes the mention a reply in that post's conversation. */
  inReplyToTweetId?: string;
  /** Makes it a quote of that post. */
  quoteOfTweetId?: string;
  /** Makes it a repost ("RT @author: …") of that post; `text` is then ignored. */
  repostOfTweetId?: string;
  /** X indexes it into the mentions timeline this long after its time (late-indexed mention). */
  indexDelayMs?: number;
  createdAt?: number;
  withPhoto?: boolean;
}

/** A customer DM to the brand to add by hand. */
export interface AddDmInput {
  text: string;
  sender?: UserSpec;
  createdAt?: number;
}

/** The simulated X account world, its limits, faults and inspection. */
export class XSimulator {
  readonly options: ResolvedOptions;
  readonly world: World;
  readonly faults = new FaultQueue();
  readonly stats = new RequestStats();
  readonly posted = new PostedLog();
  readonly limiter: RateLimiter;
  readonly held = new HeldResponses();
  private readonly generator: CareTrafficGenerator;
  private readonly handmade: SeededRandom;
  private readonly feed = new LiveFeed((count) => this.generate(count));

  constructor(options: XSimulatorOptions = {}) {
    this.options = resolveOptions(options);
    const { seed, clock, brandId, brandUsername } = this.options;
    this.world = new World(makeBrandUser(brandId, brandUsername, clock()));
    this.limiter = new RateLimiter(this.options.rateLimits, clock);
    const random = new SeededRandom(seed);
    this.handmade = new SeededRandom(seed ^ 0x5eed);
    this.generator = new CareTrafficGenerator(this.world, loadCareCorpus(this.options.corpusDir), random, this.options.mix, this.options.lateIndexRatio);
    preloadTraffic(this.generator, random, this.options.items, clock(), this.options.meanGapMs);
    if (options.feed) this.startFeed(options.feed);
  }

  /** The brand account (whose mentions and DMs these are). */
  get brand(): SimUser {
    return this.world.brand;
  }

  /** Adds a customer account (or returns the existing one with that id). */
  addUser(spec: UserSpec = {}): SimUser {
    const existing = spec.id === undefined ? undefined : this.world.users.get(spec.id);
    return existing ?? this.world.addUser(makeCustomer(this.handmade, this.options.clock(), spec));
  }

  /** Adds a mention of the brand, newest in the timeline. */
  addMention(input: AddMentionInput): SimTweet {
    const createdAt = input.createdAt ?? this.options.clock();
    const author = this.addUser(input.author);
    const replyTo = this.existingPost(input.inReplyToTweetId);
    const quote = this.existingPost(input.quoteOfTweetId);
    const repostOf = this.existingPost(input.repostOfTweetId);
    const handle = `@${this.brand.username}`;
    const original = repostOf && this.world.users.get(repostOf.authorId);
    const text = repostOf ? `RT @${original?.username ?? 'unknown'}: ${repostOf.noteText ?? repostOf.text}` : input.text.toLowerCase().includes(handle.toLowerCase()) ? input.text : `${handle} ${input.text}`;
    const mediaKeys = input.withPhoto ? [this.world.addPhoto(createdAt, `https://pbs.twimg.com/media/sim${createdAt}.jpg`, 1200, 900)] : undefined;
    return this.world.addTweet({
      text, authorId: author.id, createdAt,
      ...(replyTo ? { replyTo } : {}), ...(quote ? { quote } : {}), ...(repostOf ? { repostOf } : {}), ...(mediaKeys ? { mediaKeys } : {}),
      ...(input.indexDelayMs ? { indexedAt: createdAt + input.indexDelayMs } : {}),
    });
  }

  /** Edits a post (X: within an hour, up to five times): a new version with a new id and edit_history_tweet_ids; the mentions timeline shows the latest. */
  editPost(id: string, text: string, at = this.options.clock()): SimTweet {
    const previous = this.existingPost(id)!;
    return this.world.addTweet({ text, authorId: previous.authorId, createdAt: at, editOf: previous, ...(previous.mediaKeys ? { mediaKeys: previous.mediaKeys } : {}) });
  }

  /** A reply the brand posted outside this product (X's own app), e.g. to see how it is read back. */
  addBrandReply(inReplyToTweetId: string, text: string, at = this.options.clock()): SimTweet {
    return this.world.addTweet({ text, authorId: this.brand.id, createdAt: at, replyTo: this.existingPost(inReplyToTweetId)! });
  }

  /** Adds a customer's DM to the brand, newest in GET /2/dm_events. */
  addDm(input: AddDmInput): SimDmEvent {
    const sender = this.addUser(input.sender);
    const createdAt = input.createdAt ?? this.options.clock();
    return this.world.addDmEvent({ text: input.text, senderId: sender.id, recipientId: this.brand.id, createdAt });
  }

  /** Makes `count` new generated items now (what the live feed does each tick). */
  generate(count = 1): GeneratedItem[] {
    return Array.from({ length: count }, () => this.generator.nextItem(this.options.clock()));
  }

  /** Starts the live feed. */
  startFeed(options: FeedOptions): void {
    this.feed.start(options);
  }

  /** Stops the live feed. */
  stopFeed(): void {
    this.feed.stop();
  }

  /** True while the live feed runs. */
  get feedRunning(): boolean {
    return this.feed.running;
  }

  /** Queues a fault for the next matching request(s). */
  injectFault(spec: FaultSpec): QueuedFault {
    return this.faults.inject(spec);
  }

  /** Posts our side created through POST /2/tweets, oldest first. */
  postedTweets(): PostedTweet[] {
    return [...this.posted.tweets];
  }

  /** DMs our side sent, oldest first. */
  sentDms(): SentDm[] {
    return [...this.posted.dms];
  }

  /** Request counters per endpoint. */
  requestStats(): Record<EndpointName, EndpointStats> {
    return this.stats.snapshot();
  }

  private existingPost(id: string | undefined): SimTweet | undefined {
    if (id === undefined) return undefined;
    const post = this.world.tweets.get(id);
    if (!post) throw new Error(`no post ${id}`);
    return post;
  }

  /** The brand's mentions, oldest first (the whole history, not capped like the API). */
  mentions(): readonly SimTweet[] {
    return this.world.mentions;
  }

  /** Every DM event, oldest first. */
  dmEvents(): readonly SimDmEvent[] {
    return this.world.dmEvents;
  }

  /** Stops the feed and lets go of held responses. */
  dispose(): void {
    this.feed.stop();
    this.held.releaseAll();
  }
}
