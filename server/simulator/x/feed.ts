/** The live feed: a timer that makes new customer traffic at a configurable rate (for demos). */
import type { FeedOptions } from './options.js';

/** Calls `emit(count)` every interval until stopped; the timer never keeps the process alive. */
export class LiveFeed {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly emit: (count: number) => void) {}

  /** Starts (or restarts with new settings). */
  start(options: FeedOptions): void {
    if (!(options.intervalMs > 0)) throw new Error('feed intervalMs must be positive');
    this.stop();
    const perTick = options.itemsPerTick ?? 1;
    this.timer = setInterval(() => this.emit(perTick), options.intervalMs);
    this.timer.unref();
  }

  /** Stops emitting. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** True while the feed is emitting. */
  get running(): boolean {
    return this.timer !== undefined;
  }
}
