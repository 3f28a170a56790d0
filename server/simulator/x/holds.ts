/** Responses a timeout fault is holding back, so a test can answer them when it chooses and shutdown can let go of them. */
import type { Response } from 'express';

interface Hold {
  release: () => void;
  timer?: NodeJS.Timeout;
}

/** Tracks held responses and their release timers. */
export class HeldResponses {
  private readonly holds = new Map<Response, Hold>();

  /** Holds `res`; after `holdMs` (if given) calls `release`, unless the client has gone by then. */
  hold(res: Response, holdMs: number | undefined, release: () => void): void {
    const hold: Hold = { release };
    if (holdMs !== undefined) hold.timer = setTimeout(() => this.answer(res, hold), holdMs);
    this.holds.set(res, hold);
    res.on('close', () => this.forget(res, hold));
  }

  /** How many responses are currently held. */
  get count(): number {
    return this.holds.size;
  }

  /** Answers every held response now, as its hold ending would (those whose client has gone are skipped). */
  answerAll(): void {
    for (const [res, hold] of [...this.holds]) this.answer(res, hold);
  }

  /** Cancels every pending release and destroys held connections. */
  releaseAll(): void {
    for (const [res, hold] of [...this.holds]) {
      this.forget(res, hold);
      res.socket?.destroy();
    }
  }

  private answer(res: Response, hold: Hold): void {
    this.forget(res, hold);
    if (!res.writableEnded && !res.destroyed) hold.release();
  }

  private forget(res: Response, hold: Hold): void {
    clearTimeout(hold.timer);
    if (this.holds.get(res) === hold) this.holds.delete(res);
  }
}
