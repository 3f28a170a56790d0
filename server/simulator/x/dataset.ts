/** Care traffic made up around real texts: mentions, threads with brand replies, and DMs. */
import type { CareCorpus } from './corpus.js';
import type { SimDmEvent, SimTweet, SimUser } from './model.js';
import { makeCustomer } from './people.js';
import type { SeededRandom } from './prng.js';
import { TextCycler } from './textCycler.js';
import type { World } from './world.js';

/** How the traffic is mixed. */
export interface TrafficMix {
  /** Share of items that are DMs rather than mentions (default 0.2). */
  dmRatio: number;
  /** Share of mentions that continue an earlier thread (default 0.2). */
  followUpRatio: number;
  /** Share of opening mentions that carry a photo (default 0.06). */
  photoRatio: number;
}

/** One generated item: a customer's mention or a customer's DM. */
export type GeneratedItem = { kind: 'mention'; tweet: SimTweet } | { kind: 'dm'; event: SimDmEvent };

const RECENT_LIMIT = 60;

/** Produces customer traffic one item at a time; deterministic for a given seed and call sequence. */
export class CareTrafficGenerator {
  private readonly openers: TextCycler;
  private readonly followUps: TextCycler;
  private readonly brandReplies: TextCycler;
  private readonly openThreads: SimTweet[] = [];
  private readonly dmCustomers: SimUser[] = [];
  private readonly knownCustomers: SimUser[] = [];

  constructor(
    private readonly world: World,
    corpus: CareCorpus,
    private readonly random: SeededRandom,
    private readonly mix: TrafficMix,
    /** Share of customer mentions X indexes late (1–4 minutes after their time). */
    private readonly lateIndexRatio = 0,
  ) {
    this.openers = new TextCycler(corpus.customerOpeners, random);
    this.followUps = new TextCycler([...corpus.customerFollowUps, ...corpus.customerOpeners.slice(0, 40)], random);
    this.brandReplies = new TextCycler(corpus.brandReplies, random);
  }

  /** Makes the next item at `timeMs`; `earliestMs` bounds the time of a brand reply inserted before a follow-up. */
  nextItem(timeMs: number, earliestMs = timeMs - 60_000): GeneratedItem {
    if (this.random.chance(this.mix.dmRatio)) return { kind: 'dm', event: this.nextDm(timeMs) };
    if (this.openThreads.length > 0 && this.random.chance(this.mix.followUpRatio)) {
      return { kind: 'mention', tweet: this.nextFollowUp(timeMs, earliestMs) };
    }
    return { kind: 'mention', tweet: this.nextOpener(timeMs) };
  }

  private nextOpener(timeMs: number): SimTweet {
    const customer = this.customer(timeMs, this.knownCustomers, 0.15);
    const mediaKeys = this.random.chance(this.mix.photoRatio) ? [this.photo(timeMs)] : undefined;
    const tweet = this.world.addTweet({ text: this.mention(this.openers.next()), authorId: customer.id, createdAt: timeMs, mediaKeys, ...this.indexing(timeMs) });
    remember(this.openThreads, tweet);
    return tweet;
  }

  /**
   * A later post in an open thread: the same customer, or (one time in three)
   * another customer joining the conversation under someone else's post, as
   * happens under a brand's reply that many people see. Sometimes the brand
   * answers first, to the post's author.
   */
  private nextFollowUp(timeMs: number, earliestMs: number): SimTweet {
    const previous = this.random.pick(this.openThreads);
    const previousAuthor = this.world.users.get(previous.authorId) as SimUser;
    let replyTo = previous;
    if (this.random.chance(0.5)) {
      const replyTime = Math.max(earliestMs, previous.createdAt, timeMs - this.random.int(30_000, 600_000));
      const text = `@${previousAuthor.username} ${this.brandReplies.next()}`;
      replyTo = this.world.addTweet({ text, authorId: this.world.brand.id, createdAt: Math.min(replyTime, timeMs), replyTo: previous });
    }
    const author = this.random.chance(1 / 3) ? this.customer(timeMs, this.knownCustomers, 0.3) : previousAuthor;
    const tweet = this.world.addTweet({ text: this.mention(this.followUps.next()), authorId: author.id, createdAt: timeMs, replyTo, ...this.indexing(timeMs) });
    this.openThreads[this.openThreads.indexOf(previous)] = tweet;
    return tweet;
  }

  /** Now and then X indexes a mention late: it reaches the timeline minutes after posts with higher ids. */
  private indexing(timeMs: number): { indexedAt?: number } {
    return this.lateIndexRatio > 0 && this.random.chance(this.lateIndexRatio) ? { indexedAt: timeMs + this.random.int(60_000, 240_000) } : {};
  }

  private nextDm(timeMs: number): SimDmEvent {
    const customer = this.customer(timeMs, this.dmCustomers, 0.3);
    const event = this.world.addDmEvent({ text: this.openers.next(), senderId: customer.id, recipientId: this.world.brand.id, createdAt: timeMs });
    return event;
  }

  /** Reuses a recent customer with probability `reuse`, else makes up a new one. */
  private customer(timeMs: number, recent: SimUser[], reuse: number): SimUser {
    if (recent.length > 0 && this.random.chance(reuse)) return this.random.pick(recent);
    const customer = this.world.addUser(makeCustomer(this.random, timeMs));
    remember(recent, customer);
    if (recent !== this.knownCustomers) remember(this.knownCustomers, customer);
    return customer;
  }

  private mention(body: string): string {
    return `@${this.world.brand.username} ${body}`;
  }

  private photo(timeMs: number): string {
    const name = Array.from({ length: 15 }, () => this.random.pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'])).join('');
    return this.world.addPhoto(timeMs, `https://pbs.twimg.com/media/${name}.jpg`, 1200, this.random.pick([900, 1600, 675]));
  }
}

/** Fills the world with `count` items spread over the past, ending at `endAt`, gaps averaging `meanGapMs`. */
export function preloadTraffic(generator: CareTrafficGenerator, random: SeededRandom, count: number, endAt: number, meanGapMs: number): void {
  const gaps = Array.from({ length: count }, () => Math.max(1_000, Math.round(random.exponential(meanGapMs))));
  let time = endAt - gaps.reduce((sum, gap) => sum + gap, 0);
  let previous = time;
  for (const gap of gaps) {
    time += gap;
    generator.nextItem(time, previous);
    previous = time;
  }
}

function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > RECENT_LIMIT) list.shift();
}
