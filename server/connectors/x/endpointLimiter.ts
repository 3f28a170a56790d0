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
} as const satisfies Record<string, RateWindow>;

export type XEndpoint = keyof typeof X_RATE_WINDOWS;

/** What X said about the window in a response's x-rate-limit-* headers (reset in epoch seconds). */
export interface ObservedRateLimit {
  limit: number;
  remaining: number;
  reset: number;
}

// Requests wait this long past X's announced reset, so a slightly fast clock never sends early.
const RESET_MARGIN_MS = 250;

/**
 * One endpoint's limiter: a bottleneck reservoir sized from the published
 * window, then corrected from every response's headers, so in steady state no
 * request is sent that the window does not allow.
 */
export class EndpointLimiter {
  private readonly bottleneck = new Bottleneck({ maxConcurrent: 1 });
  private refillTimer: NodeJS.Timeout | undefined;
  private limit: number;

  constructor(readonly window: RateWindow) {
    this.limit = window.limit;
    void this.bottleneck.updateSettings({ reservoir: window.limit });
    this.refillAt(Date.now() + window.windowMs);
  }

  /** Runs a request when the window allows it (one at a time per endpoint). */
  schedule<T>(request: () => Promise<T>): Promise<T> {
    return this.bottleneck.schedule(request);
  }

  /** Adopts the server's count of remaining requests and its reset time. */
  observe(rate: ObservedRateLimit | undefined): void {
    if (!rate || !Number.isFinite(rate.remaining) || !Number.isFinite(rate.reset)) return;
    if (Number.isFinite(rate.limit) && rate.limit > 0) this.limit = rate.limit;
    void this.bottleneck.updateSettings({ reservoir: Math.max(0, rate.remaining) });
    this.refillAt(rate.reset * 1000);
  }

  /** After a 429: send nothing more until the reset. */
  exhaustUntil(resetEpochSeconds: number | undefined): void {
    void this.bottleneck.updateSettings({ reservoir: 0 });
    this.refillAt(resetEpochSeconds ? resetEpochSeconds * 1000 : Date.now() + this.window.windowMs);
  }

  /** Requests the window still allows, as this side counts them. */
  async remaining(): Promise<number | null> {
    return this.bottleneck.currentReservoir();
  }

  /** Stops the refill timer and drops queued requests. */
  async stop(): Promise<void> {
    clearTimeout(this.refillTimer);
    await this.bottleneck.stop({ dropWaitingJobs: true });
  }

  private refillAt(epochMs: number): void {
    clearTimeout(this.refillTimer);
    const delay = Math.max(0, epochMs - Date.now()) + RESET_MARGIN_MS;
    this.refillTimer = setTimeout(() => {
      void this.bottleneck.updateSettings({ reservoir: this.limit });
      this.refillAt(Date.now() + this.window.windowMs);
    }, delay);
    this.refillTimer.unref();
  }
}
