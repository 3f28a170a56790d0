import { setTimeout as sleep } from 'node:timers/promises';
import Bottleneck from 'bottleneck';

/** A published rate-limit window: `limit` requests per `windowMs`. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** X's published per-user windows (shared/data/x-api/rate-limits.mdx). */
export const X_RATE_WINDOWS = {
  mentions: { limit: 300, windowMs: FIFTEEN_MINUTES },
  dmEvents: { limit: 15, windowMs: FIFTEEN_MINUTES },
  postTweet: { limit: 100, windowMs: FIFTEEN_MINUTES },
  postDm: { limit: 15, windowMs: FIFTEEN_MINUTES },
  /** GET /2/users/:id/tweets: the brand's own posts, read to settle a reply whose outcome is unknown. */
  userTweets: { limit: 900, windowMs: FIFTEEN_MINUTES },
  /** GET /2/dm_conversations/with/:participant_id/dm_events: one conversation, read to settle a DM whose outcome is unknown. */
  dmConversation: { limit: 15, windowMs: FIFTEEN_MINUTES },
  /** GET /2/users/me: who the credentials belong to, checked at start-up. */
  me: { limit: 75, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, RateWindow>;

export type XEndpoint = keyof typeof X_RATE_WINDOWS;

/** One window as X's headers state it (reset in epoch seconds). */
export interface WindowState {
  limit: number;
  remaining: number;
  reset: number;
}

/** What X said in a response's headers: the 15-minute window, and the 24-hour caps when the endpoint has them (twitter-api-v2 parses both). */
export interface ObservedRateLimit extends WindowState {
  /** x-app-limit-24hour-*: the app's daily cap. */
  day?: WindowState;
  /** x-user-limit-24hour-*: the user's daily cap. */
  userDay?: WindowState;
}

/** Where the limiter keeps its counts when several processes share one account's windows. */
export interface LimiterCluster {
  /** Unique per account and endpoint, e.g. "x:1000…:postDm". */
  id: string;
  connection: Bottleneck.IORedisConnection;
}

// Requests wait this long past X's announced reset, so a slightly fast clock never sends early.
const RESET_MARGIN_MS = 250;

/**
 * One endpoint's limiter: a bottleneck reservoir sized from the published
 * window, then corrected from every response's headers (the 15-minute window
 * and the 24-hour caps), so in steady state no request is sent that a window
 * does not allow. Clustered on Redis, every process sharing the account
 * draws from the same reservoir.
 */
export class EndpointLimiter {
  private readonly bottleneck: Bottleneck;
  private refillTimer: NodeJS.Timeout | undefined;
  private limit: number;
  /** Until when a daily cap (or a usage cap) holds the endpoint shut, epoch ms. */
  private closedUntil = 0;
  /** When the reservoir is refilled next, epoch ms. */
  private nextRefillAt = 0;
  private readonly stopping = new AbortController();

  constructor(readonly window: RateWindow, cluster?: LimiterCluster) {
    this.limit = window.limit;
    this.bottleneck = cluster
      ? new Bottleneck({ id: cluster.id, maxConcurrent: 1, reservoir: window.limit, datastore: 'ioredis', clearDatastore: false, connection: cluster.connection })
      : new Bottleneck({ maxConcurrent: 1, reservoir: window.limit });
    this.refillAt(Date.now() + window.windowMs);
  }

  /** Runs a request when the window allows it (one at a time per endpoint, across processes when clustered). */
  schedule<T>(request: () => Promise<T>): Promise<T> {
    return this.bottleneck.schedule(request);
  }

  /** Adopts the server's count of remaining requests and its reset time; a spent 24-hour cap shuts the endpoint until that cap resets. */
  observe(rate: ObservedRateLimit | undefined): void {
    if (!rate || !Number.isFinite(rate.remaining) || !Number.isFinite(rate.reset)) return;
    if (Number.isFinite(rate.limit) && rate.limit > 0) this.limit = rate.limit;
    const spentDay = [rate.day, rate.userDay].filter((cap): cap is WindowState => cap !== undefined && cap.remaining <= 0 && Number.isFinite(cap.reset));
    if (spentDay.length > 0) return this.exhaustUntil(Math.max(...spentDay.map((cap) => cap.reset)));
    if (Date.now() < this.closedUntil) return;
    void this.bottleneck.updateSettings({ reservoir: Math.max(0, rate.remaining) });
    this.refillAt(rate.reset * 1000);
  }

  /** After a 429 or a spent cap: send nothing more until the reset (epoch seconds). */
  exhaustUntil(resetEpochSeconds: number | undefined): void {
    const until = resetEpochSeconds ? resetEpochSeconds * 1000 : Date.now() + this.window.windowMs;
    if (until > this.window.windowMs + Date.now()) this.closedUntil = until;
    void this.bottleneck.updateSettings({ reservoir: 0 });
    this.refillAt(until);
  }

  /** When the endpoint opens again after a spent daily or usage cap (null when it is not shut). */
  shutUntil(): Date | null {
    return this.closedUntil > Date.now() ? new Date(this.closedUntil) : null;
  }

  /** When the window opens again if it is spent now (null while requests are left). */
  async spentUntil(): Promise<Date | null> {
    if (Date.now() < this.closedUntil) return new Date(this.closedUntil);
    const left = await this.bottleneck.currentReservoir();
    return left !== null && left <= 0 ? new Date(this.nextRefillAt) : null;
  }

  /** Requests the window still allows, as this side counts them. */
  async remaining(): Promise<number | null> {
    return this.bottleneck.currentReservoir();
  }

  /** Waits before a retry, or less once the limiter stops (the retry is then refused at once). */
  async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopping.signal }).catch(() => undefined);
  }

  /** Stops the refill timer, drops queued requests and cuts retry pauses short. */
  async stop(): Promise<void> {
    clearTimeout(this.refillTimer);
    this.stopping.abort();
    await this.bottleneck.stop({ dropWaitingJobs: true });
  }

  private refillAt(epochMs: number): void {
    clearTimeout(this.refillTimer);
    // setTimeout's longest delay is about 24.8 days; a later reset is looked at again then.
    const delay = Math.min(2 ** 31 - 1, Math.max(0, epochMs - Date.now()) + RESET_MARGIN_MS);
    this.nextRefillAt = Date.now() + delay;
    this.refillTimer = setTimeout(() => {
      if (Date.now() < this.closedUntil) return this.refillAt(this.closedUntil);
      void this.bottleneck.updateSettings({ reservoir: this.limit });
      this.refillAt(Date.now() + this.window.windowMs);
    }, delay);
    this.refillTimer.unref();
  }
}
