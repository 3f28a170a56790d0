import { Worker } from 'node:worker_threads';
import type { Diagnostics } from 'recheck';
import { logger } from '../logger.js';

/** One expression to judge. */
export interface RegexSource {
  source: string;
  flags: string;
}

interface Answer {
  id: number;
  diagnostics: Diagnostics;
}

/** How long an idle worker is kept (recheck takes a moment to load). */
const IDLE_MS = 60_000;

/**
 * Runs recheck from one worker thread, one expression at a time, so the
 * event loop (HTTP, sockets, ingestion) never waits on it. Jobs queue; each
 * has a deadline, and the check under way when it comes is cancelled.
 */
export class RegexChecker {
  private worker?: Worker;
  private nextId = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer?: NodeJS.Timeout;

  constructor(private readonly perRegexTimeoutMs: number) {}

  /** recheck's diagnostics for each expression judged before the deadline (or a failure of the worker), in order; the rest are left out. */
  judge(regexes: readonly RegexSource[], budgetMs: number): Promise<Diagnostics[]> {
    const job = this.queue.then(() => this.run(regexes, Date.now() + budgetMs));
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** Stops the worker (a queued job starts a new one). */
  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private async run(regexes: readonly RegexSource[], deadline: number): Promise<Diagnostics[]> {
    clearTimeout(this.idleTimer);
    const judged: Diagnostics[] = [];
    try {
      for (const regex of regexes) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) break;
        const diagnostics = await this.ask(regex, remaining).catch((error: unknown) => {
          logger.error({ err: error }, 'regular-expression check worker failed; the expressions left are not judged');
          return undefined;
        });
        if (!diagnostics) break;
        // A timeout shortened to fit the deadline says nothing about the expression: it is left unjudged.
        const cutShort = remaining < this.perRegexTimeoutMs && diagnostics.status === 'unknown' && diagnostics.error.kind === 'timeout';
        if (cutShort) break;
        judged.push(diagnostics);
      }
    } finally {
      this.idleTimer = setTimeout(() => void this.close(), IDLE_MS).unref();
    }
    return judged;
  }

  /** The diagnostics of one expression, or undefined when the deadline came first (the check is then cancelled). */
  private ask(regex: RegexSource, remainingMs: number): Promise<Diagnostics | undefined> {
    const worker = this.startedWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const settle = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const onMessage = (answer: Answer) => {
        if (answer.id !== id) return;
        settle();
        resolve(answer.diagnostics);
      };
      const onError = (error: Error) => {
        settle();
        reject(error);
      };
      const onExit = () => {
        settle();
        reject(new Error('the regular-expression check worker stopped'));
      };
      const timer = setTimeout(() => {
        settle();
        worker.postMessage({ cancel: id });
        resolve(undefined);
      }, remainingMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, source: regex.source, flags: regex.flags, timeoutMs: Math.min(this.perRegexTimeoutMs, remainingMs) });
    });
  }

  private startedWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./regexCheckWorker.js', import.meta.url));
    // An idle worker must not keep the process alive.
    worker.unref();
    worker.on('error', (error) => logger.error({ err: error }, 'regular-expression check worker failed'));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}
