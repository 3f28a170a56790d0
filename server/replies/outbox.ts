import type { ResponseTargets } from '../cases/responseTargets.js';
import { recordDelivery, type DeliveryOutcome, type RecordedDelivery } from '../commands/recordDelivery.js';
import type { Connector } from '../connectors/connector.js';
import { logger } from '../logger.js';
import type { MessageDocument, Store } from '../store/index.js';
import { failureReason, isRetryable } from './deliveryErrors.js';

/** How often a reply is tried, and how long the outbox waits between tries (doubling, capped). */
export interface ReplyRetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Three tries over about half a minute: each try is itself retried by the connector's client for a few seconds. */
export const DEFAULT_REPLY_RETRY: ReplyRetryPolicy = { maxAttempts: 3, baseDelayMs: 10_000, maxDelayMs: 5 * 60_000 };

export const NO_CONNECTOR = 'no connector for platform';

export interface ReplyOutboxOptions {
  store: Store;
  connectors(): readonly Connector[];
  /** Where a bot case goes when its answer cannot be delivered. */
  agentTeam(): string;
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  retry?: ReplyRetryPolicy;
  /** Told about each recorded outcome, once it is stored (live updates). */
  delivered?(recorded: RecordedDelivery): void;
  isRetryable?(error: unknown): boolean;
}

const BATCH = 20;
// setTimeout's longest delay; a later due time is looked at again then.
const MAX_TIMER_MS = 2 ** 31 - 1;
const ERROR_PAUSE_MS = 5_000;

/**
 * Sends queued replies through their platform's connector, oldest due first
 * (agents' before the bot's), one at a time (the connector's limiter paces
 * them anyway). The queue is the
 * stored `delivery` of each reply, so a restart resumes it; a transient
 * failure is tried again after a capped exponential backoff, up to
 * `maxAttempts`. Delivery is at least once: a crash between the network's
 * answer and recording it sends that reply again after the restart.
 */
export class ReplyOutbox {
  private readonly retry: ReplyRetryPolicy;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ReplyOutboxOptions) {
    this.retry = options.retry ?? DEFAULT_REPLY_RETRY;
  }

  /** Looks at the queue now (a reply was queued, or the server started). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.cycle().finally(() => {
      this.running = null;
      if (this.again) this.wake();
    });
  }

  /** Stops sending: what is still queued stays queued for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends what is due, then sets the timer for what is due later; after a store error, looks again in a while. */
  private async cycle(): Promise<void> {
    try {
      await this.drain();
      if (!this.again) await this.scheduleNext();
    } catch (error) {
      logger.error({ err: error }, 'reply outbox failed; looking again shortly');
      this.setTimer(ERROR_PAUSE_MS);
    }
  }

  private async drain(): Promise<void> {
    do {
      this.again = false;
      const due = await this.due();
      for (const reply of due) {
        if (this.stopped) return;
        await this.attempt(reply);
      }
      if (due.length === BATCH) this.again = true;
    } while (this.again && !this.stopped);
  }

  /** Replies due now: agents' first, then the automatic answers (a burst of bot answers never holds up an agent's reply it has not started on). */
  private async due(): Promise<MessageDocument[]> {
    const messages = this.options.store.collections.messages;
    const dueBy = (kind: 'user' | 'system', limit: number) =>
      messages.find({ 'delivery.status': 'queued', 'delivery.sender.kind': kind, 'delivery.nextAttemptAt': { $lte: new Date() } }, { sort: { 'delivery.nextAttemptAt': 1 }, limit });
    const agents = await dueBy('user', BATCH);
    return agents.length === BATCH ? agents : [...agents, ...(await dueBy('system', BATCH - agents.length))];
  }

  private async attempt(reply: MessageDocument): Promise<void> {
    const connector = this.options.connectors().find((candidate) => candidate.platform === reply.platform);
    let outcome: DeliveryOutcome;
    if (!connector) {
      outcome = { kind: 'failed', reason: NO_CONNECTOR };
    } else {
      try {
        const sent = await connector.send({
          channel: reply.channel,
          text: reply.text,
          ...(reply.channel === 'public' ? { inReplyTo: reply.inReplyTo ?? undefined } : { recipientId: reply.delivery!.customerId }),
        });
        outcome = { kind: 'sent', externalId: sent.externalId };
      } catch (error) {
        // A send cut short by the server stopping is not the network's answer: leave the reply queued.
        if (this.stopped) return;
        outcome = this.failure(reply, error);
      }
    }
    const recorded = await recordDelivery({ store: this.options.store, reply, outcome, connector: connector?.name ?? null, agentTeam: this.options.agentTeam(), targets: this.options.targets });
    if (outcome.kind !== 'sent') logger.warn({ replyId: reply._id, caseId: reply.caseId, outcome: outcome.kind, reason: outcome.reason }, 'reply not delivered');
    this.options.delivered?.(recorded);
  }

  private failure(reply: MessageDocument, error: unknown): DeliveryOutcome {
    const attempts = reply.delivery!.attempts + 1;
    const reason = failureReason(error);
    const retryable = (this.options.isRetryable ?? isRetryable)(error);
    if (!retryable) return { kind: 'failed', reason };
    if (attempts >= this.retry.maxAttempts) return { kind: 'failed', reason: `${reason} (gave up after ${attempts} attempts)` };
    const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempts - 1));
    return { kind: 'retry', reason, nextAttemptAt: new Date(Date.now() + delay) };
  }

  /** Sets one timer for the next queued reply due later (a retry), if any. */
  private async scheduleNext(): Promise<void> {
    if (this.stopped) return;
    const [next] = await this.options.store.collections.messages.find({ 'delivery.status': 'queued' }, { sort: { 'delivery.nextAttemptAt': 1 }, limit: 1 });
    const at = next?.delivery?.nextAttemptAt;
    if (at) this.setTimer(at.getTime() - Date.now());
  }

  private setTimer(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.wake(), Math.min(MAX_TIMER_MS, Math.max(0, delayMs)));
  }
}
