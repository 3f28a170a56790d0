/** Failures counted for one key in the current window. */
interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failures per key in fixed windows and blocks a key once it reaches
 * the limit, until its window ends (login throttling). In memory: one
 * process's count, which is what the embedded mode runs as.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Milliseconds until the key may try again, or 0 when it is not blocked. */
  retryAfterMs(key: string, now = Date.now()): number {
    const window = this.current(key, now);
    return window && window.failures >= this.limit ? window.resetAt - now : 0;
  }

  /** Counts a failure for the key. */
  fail(key: string, now = Date.now()): void {
    const window = this.current(key, now);
    if (window) {
      window.failures++;
      return;
    }
    if (this.windows.size >= this.maxKeys) this.sweep(now);
    this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
  }

  /** Forgets the key's failures (after a success). */
  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.resetAt <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
