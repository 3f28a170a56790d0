/** Responses a timeout fault is holding back, so shutdown can let go of them. */
import type { Response } from 'express';

/** Tracks held responses and their release timers. */
export class HeldResponses {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly responses = new Set<Response>();

  /** Holds `res`; after `holdMs` (if given) calls `release`, unless the client has gone by then. */
  hold(res: Response, holdMs: number | undefined, release: () => void): void {
    this.responses.add(res);
    let timer: NodeJS.Timeout | undefined;
    if (holdMs !== undefined) {
      timer = setTimeout(() => {
        this.forget(res, timer);
        if (!res.writableEnded && !res.destroyed) release();
      }, holdMs);
      this.timers.add(timer);
    }
    res.on('close', () => this.forget(res, timer));
  }

  /** How many responses are currently held. */
  get count(): number {
    return this.responses.size;
  }

  /** Cancels every pending release and destroys held connections. */
  releaseAll(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const res of this.responses) res.socket?.destroy();
    this.responses.clear();
  }

  private forget(res: Response, timer: NodeJS.Timeout | undefined): void {
    this.responses.delete(res);
    if (timer) {
      clearTimeout(timer);
      this.timers.delete(timer);
    }
  }
}
