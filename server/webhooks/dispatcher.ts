import { logger } from '../logger.js';
import type { Store } from '../store/index.js';
import { deliverDue } from './deliver.js';
import { fanOutCaseEvents } from './fanOut.js';
import type { SecretBox } from './secretBox.js';

export interface WebhookDispatcherOptions {
  store: Store;
  box: SecretBox;
  /** Pause between passes (default 1 s, the first retry's delay). */
  intervalMs?: number;
  now?: () => Date;
  /** The retry jitter in [0, 1) (tests fix it). */
  random?: () => number;
  /** WEBHOOK_ALLOW_PRIVATE: deliveries may go to loopback and private addresses. */
  allowPrivate?: boolean;
}

/**
 * The worker side of webhooks: each pass stores the deliveries of new case
 * events (fan-out), then sends what is due. Safe with several workers at
 * once (every delivery is claimed by compare-and-set before it is sent); with
 * the leases of the multi-process topology only the lease holder runs it.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /** One fan-out and delivery pass (tests call it with a fixed clock). */
  async runOnce(at?: Date): Promise<void> {
    const now = at ?? (this.options.now ?? (() => new Date()))();
    await fanOutCaseEvents(this.options.store, now);
    await deliverDue({ store: this.options.store, box: this.options.box, now, random: this.options.random, allowPrivate: this.options.allowPrivate });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  /** Stops after the pass under way (a delivery it was sending is recorded first). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs the next pass now instead of after the pause (unless one is under way). */
  kick(): void {
    if (this.stopped || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.schedule(0);
  }

  private schedule(delayMs = this.options.intervalMs ?? 1000): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.runOnce()
        .catch((error: unknown) => logger.error({ err: error }, 'webhook pass failed'))
        .finally(() => this.schedule());
    }, delayMs);
  }
}
