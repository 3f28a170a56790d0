import type { ResponseTargets } from '../cases/responseTargets.js';
import { recordDelivery, type DeliveryOutcome, type RecordedDelivery } from '../commands/recordDelivery.js';
import { OutcomeUnknownError, WindowWaitError, type Connector } from '../connectors/connector.js';
import { LeaseLostError } from '../leases/leaseErrors.js';
import { logger } from '../logger.js';
import { CHANNELS } from '../store/schemas/enums.js';
import type { Filter, MessageDocument, Store } from '../store/index.js';
import { failureReason, isRetryable } from './deliveryErrors.js';
import type { LaneOf } from './outboxNudges.js';

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

/** A platform's channel whose replies go out one at a time, or the replies no connector can send. */
interface Lane {
  key: string;
  filter: Filter;
}

const NO_CONNECTOR_LANE = 'no-connector';

/** The key of the lane a reply on this platform and channel waits in. */
function laneKeyOf(lanes: readonly Lane[], { platform, channel }: LaneOf): string {
  const key = `${platform}:${channel}`;
  return lanes.some((lane) => lane.key === key) ? key : NO_CONNECTOR_LANE;
}

/** A lane's queued replies as one read found them. */
interface LaneQueue {
  /** At most BATCH, agents' replies first. */
  due: MessageDocument[];
  /** When the first reply not due yet is due. */
  nextAt: Date | null;
}

/** A lane while it sends: `again` asks it to look at its queue once more before it stops. */
interface LaneRun {
  again: boolean;
  done: Promise<void>;
}

/**
 * Sends queued replies through their platform's connector, one at a time per
 * lane, oldest due first (agents' before the bot's). A lane is a platform's
 * channel (X: posts and DMs have their own windows and caps) and runs on its
 * own: a lane whose send is slow, or whose window is spent, never holds
 * another, not even replies queued after it started. Only the process holding
 * the outbox's lease sends (each send proves it first), so two processes never
 * send on one lane. The queue is the stored `delivery` of each reply, so a
 * restart resumes it; a transient failure is tried again after a capped
 * exponential backoff, up to `maxAttempts`. Delivery is at most once: each
 * attempt is marked before it is sent (`attemptStartedAt`), and a reply whose
 * attempt has no recorded answer (its response was lost, or the process died
 * mid-send) is looked up on the network before it is sent again.
 */
export class ReplyOutbox {
  private readonly retry: ReplyRetryPolicy;
  private readonly running = new Map<string, LaneRun>();
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private stopped = false;

  constructor(private readonly options: ReplyOutboxOptions) {
    this.retry = options.retry ?? DEFAULT_REPLY_RETRY;
  }

  /** Looks at the queue of these lanes now (replies were queued on them), or of every lane (the server started, or a periodic look). */
  wake(only?: readonly LaneOf[]): void {
    if (this.stopped) return;
    const lanes = this.lanes();
    const wanted = only && new Set(only.map((lane) => laneKeyOf(lanes, lane)));
    for (const lane of lanes) if (!wanted || wanted.has(lane.key)) this.runLane(lane);
  }

  /** Sends again after stop() (this process took the outbox's lease back). */
  resume(): void {
    this.stopped = false;
    this.wake();
  }

  /** Stops sending: what is still queued stays queued for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running.values()].map((run) => run.done));
  }

  /** One lane per channel of each platform a connector sends on, and one for the replies of platforms without a connector (they fail). */
  private lanes(): Lane[] {
    const platforms = [...new Set(this.options.connectors().map((connector) => connector.platform))];
    return [
      ...platforms.flatMap((platform) => CHANNELS.map((channel) => ({ key: `${platform}:${channel}`, filter: { platform, channel } }))),
      { key: NO_CONNECTOR_LANE, filter: { platform: { $nin: platforms } } },
    ];
  }

  private runLane(lane: Lane): void {
    const current = this.running.get(lane.key);
    if (current) {
      current.again = true;
      return;
    }
    this.clearTimer(lane.key);
    const run: LaneRun = { again: false, done: Promise.resolve() };
    run.done = this.cycle(lane, run).finally(() => {
      this.running.delete(lane.key);
      if (run.again && !this.stopped) this.runLane(lane);
    });
    this.running.set(lane.key, run);
  }

  /** Sends what is due in the lane, then sets its timer for what is due later; after a store error, looks again in a while. */
  private async cycle(lane: Lane, run: LaneRun): Promise<void> {
    try {
      let queue: LaneQueue;
      do {
        run.again = false;
        queue = await this.queued(lane);
        for (const reply of queue.due) {
          if (this.stopped) return;
          await this.attempt(reply);
        }
        if (queue.due.length === BATCH) run.again = true;
      } while (run.again && !this.stopped);
      // Replies queued meanwhile woke the lane again (run.again): what is left is only what was not due yet.
      if (queue.due.length === 0 && queue.nextAt) this.setTimer(lane, queue.nextAt.getTime() - Date.now());
      else if (queue.due.length > 0) await this.scheduleNext(lane);
    } catch (error) {
      logger.error({ err: error, lane: lane.key }, 'reply outbox failed; looking again shortly');
      this.setTimer(lane, ERROR_PAUSE_MS);
    }
  }

  /**
   * The lane's queue, read a batch at a time per sender kind (the index
   * { status, sender kind, next attempt } serves both reads, so a long
   * backlog of bot answers waiting for X's window costs a look no more than
   * a short one): the replies due now, agents' first, then the automatic
   * answers (a burst of bot answers never holds up an agent's reply it has
   * not started on), and when the first of the others is due.
   */
  private async queued(lane: Lane): Promise<LaneQueue> {
    const now = Date.now();
    const read = (kind: 'user' | 'system') => this.options.store.collections.messages.find({ ...lane.filter, 'delivery.status': 'queued', 'delivery.sender.kind': kind }, { sort: { 'delivery.nextAttemptAt': 1 }, limit: BATCH + 1 });
    const [agents, bots] = await Promise.all([read('user'), read('system')]);
    const attemptAt = (reply: MessageDocument) => reply.delivery?.nextAttemptAt?.getTime() ?? Number.NaN;
    const due = (replies: MessageDocument[]) => replies.filter((reply) => attemptAt(reply) <= now);
    const later = [...agents, ...bots].map(attemptAt).filter((at) => at > now);
    return { due: [...due(agents), ...due(bots)].slice(0, BATCH), nextAt: later.length > 0 ? new Date(Math.min(...later)) : null };
  }

  private async attempt(reply: MessageDocument): Promise<void> {
    const connector = this.options.connectors().find((candidate) => candidate.platform === reply.platform);
    let outcome: DeliveryOutcome;
    if (!connector) {
      outcome = { kind: 'failed', reason: NO_CONNECTOR };
    } else {
      try {
        const unknownAttemptAt = await this.markAttempt(reply);
        const sent = await connector.send({
          channel: reply.channel,
          text: reply.text,
          ...(reply.channel === 'public' ? { inReplyTo: reply.inReplyTo ?? undefined } : { recipientId: reply.delivery!.customerId }),
          ...(unknownAttemptAt ? { unknownAttemptAt } : {}),
        });
        outcome = sent.externalId === null ? { kind: 'sent', externalId: null, note: `probably sent: ${sent.probablySent}` } : { kind: 'sent', externalId: sent.externalId };
        if (sent.externalId !== null && sent.settledBy === 'found') logger.info({ replyId: reply._id, externalId: sent.externalId }, 'reply whose outcome was unknown was found on the network: not sent again');
      } catch (error) {
        // A send cut short by the server stopping, or refused because another process took the outbox's lease, is not the network's answer: leave the reply queued.
        if (this.stopped || error instanceof LeaseLostError) return;
        outcome = this.failure(reply, error);
      }
    }
    const recorded = await recordDelivery({ store: this.options.store, reply, outcome, connector: connector?.name ?? null, agentTeam: this.options.agentTeam(), targets: this.options.targets });
    if (outcome.kind !== 'sent') logger.warn({ replyId: reply._id, caseId: reply.caseId, outcome: outcome.kind, reason: outcome.reason }, 'reply not delivered');
    this.options.delivered?.(recorded);
  }

  /**
   * Marks the attempt before it goes out (kept if an earlier one is still
   * unsettled); returns when that earlier attempt started, so the connector
   * looks for it before sending.
   */
  private async markAttempt(reply: MessageDocument): Promise<Date | undefined> {
    const earlier = reply.delivery?.attemptStartedAt ?? undefined;
    if (earlier) return earlier;
    await this.options.store.collections.messages.findOneAndUpdate({ _id: reply._id, 'delivery.status': 'queued' }, { $set: { 'delivery.attemptStartedAt': new Date() } }, { returnDocument: 'after' });
    return undefined;
  }

  private failure(reply: MessageDocument, error: unknown): DeliveryOutcome {
    const attempts = reply.delivery!.attempts + 1;
    const reason = failureReason(error);
    if (error instanceof WindowWaitError) {
      // Nothing went out; an earlier attempt still unsettled stays so.
      return { kind: 'retry', reason, nextAttemptAt: error.until, unknownSince: reply.delivery?.attemptStartedAt ?? undefined, notAnAttempt: true };
    }
    if (error instanceof OutcomeUnknownError) {
      if (attempts >= this.retry.maxAttempts) return { kind: 'failed', reason: `outcome unknown after ${attempts} attempts: ${reason}; check the account on X before sending it again` };
      const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempts - 1));
      return { kind: 'retry', reason, nextAttemptAt: new Date(Date.now() + delay), unknownSince: error.attemptAt };
    }
    const retryable = (this.options.isRetryable ?? isRetryable)(error);
    if (!retryable) return { kind: 'failed', reason };
    if (attempts >= this.retry.maxAttempts) return { kind: 'failed', reason: `${reason} (gave up after ${attempts} attempts)` };
    const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempts - 1));
    return { kind: 'retry', reason, nextAttemptAt: new Date(Date.now() + delay) };
  }

  /** Sets the lane's timer for its next queued reply (a retry, or one queued since the lane last looked), if any. */
  private async scheduleNext(lane: Lane): Promise<void> {
    if (this.stopped) return;
    const [next] = await this.options.store.collections.messages.find({ ...lane.filter, 'delivery.status': 'queued' }, { sort: { 'delivery.nextAttemptAt': 1 }, limit: 1 });
    const at = next?.delivery?.nextAttemptAt;
    if (at) this.setTimer(lane, at.getTime() - Date.now());
  }

  /** Wakes the lane after the delay, unless it is already to wake sooner. */
  private setTimer(lane: Lane, delayMs: number): void {
    if (this.stopped) return;
    const at = Date.now() + Math.max(0, delayMs);
    const current = this.timers.get(lane.key);
    if (current && current.at <= at) return;
    this.clearTimer(lane.key);
    const timer = setTimeout(() => {
      this.timers.delete(lane.key);
      if (!this.stopped) this.runLane(lane);
    }, Math.min(MAX_TIMER_MS, at - Date.now()));
    this.timers.set(lane.key, { timer, at });
  }

  private clearTimer(key: string): void {
    clearTimeout(this.timers.get(key)?.timer);
    this.timers.delete(key);
  }
}

