import { nextTargetClock } from '../cases/slaClock.js';
import { loadTeamHours, type HoursOf } from '../cases/teamHoursLookup.js';
import type { ResponseTargets } from '../cases/responseTargets.js';
import { DEFAULT_SLA, slaDueAt } from '../cases/sla.js';
import type { Tier } from '../routing/index.js';
import { allTeamsScope, DuplicateKeyError, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';
import { handOffChange } from './handOffBotCase.js';
import { changeCase, type CaseChange, type EventActor } from './changeCase.js';

/** How one delivery attempt ended. */
export type DeliveryOutcome =
  /** externalId null: the network refused a repeat as a duplicate of an attempt whose answer was lost, so it was probably sent (`note` says why). */
  | { kind: 'sent'; externalId: string | null; note?: string }
  /** Given up: a permanent refusal, no connector, or the last attempt failed. */
  | { kind: 'failed'; reason: string }
  /** A transient failure with attempts left: stays queued until `nextAttemptAt`; `unknownSince`: when the attempt started that the network may have acted on, so it is looked up before the next one; `notAnAttempt`: nothing was sent (a spent window), so it does not count. */
  | { kind: 'retry'; reason: string; nextAttemptAt: Date; unknownSince?: Date; notAnAttempt?: boolean };

export interface RecordDeliveryProps {
  store: Store;
  reply: MessageDocument;
  outcome: DeliveryOutcome;
  /** The connector that tried (event actor), or null when there was none. */
  connector: string | null;
  /** Where a bot case goes when its answer cannot be delivered. */
  agentTeam: string;
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  now?: Date;
}

/** The reply and its case after the outcome was recorded (the case is null when nothing about it changed). */
export interface RecordedDelivery {
  reply: MessageDocument | null;
  case: CaseDocument | null;
}

/**
 * Records how a delivery attempt of a queued reply went. Sent: the reply
 * takes the network's id (so the connector's copy of it, polled later, is a
 * duplicate), and an agent's first delivered reply sets the case's
 * firstResponseAt and moves slaDueAt to the resolution target, and opens a
 * `new` case. Failed: the
 * reason is kept, and a bot case whose answer failed goes to agents. An
 * agent's reply that waits for another attempt or failed is the case's
 * `replyIssue` (the inbox row and a toast show it) until one is delivered.
 * Each is a `reply` event; a bot answer's retry only reschedules.
 */
export function recordDelivery(props: RecordDeliveryProps): Promise<RecordedDelivery> {
  const caseId = props.reply.caseId;
  const now = props.now ?? new Date();
  if (!caseId) return updateReply(props, now).then((reply) => ({ reply, case: null }));
  return props.store.exclusive(`case:${caseId}`, async () => {
    const reply = await updateReply(props, now);
    if (!reply) return { reply, case: null };
    const hoursOf = await loadTeamHours(props.store);
    const changed = await changeCase({ store: props.store, scope: allTeamsScope(), caseId, now, plan: (current) => deliveredChange(current, reply, props, now, hoursOf) });
    return { reply, case: changed?.case ?? null };
  });
}

/** Moves the reply out of `queued` (or reschedules it); null when it was no longer queued. */
async function updateReply(props: RecordDeliveryProps, now: Date): Promise<MessageDocument | null> {
  const { store, reply, outcome } = props;
  const queued = { _id: reply._id, 'delivery.status': 'queued' };
  const messages = store.collections.messages;
  if (outcome.kind === 'retry') {
    const unknownSince = { 'delivery.attemptStartedAt': outcome.unknownSince ?? null };
    return messages.findOneAndUpdate(queued, { $set: { 'delivery.nextAttemptAt': outcome.nextAttemptAt, 'delivery.error': outcome.reason, ...unknownSince }, $inc: { 'delivery.attempts': outcome.notAnAttempt ? 0 : 1 } }, { returnDocument: 'after' });
  }
  if (outcome.kind === 'failed') {
    return messages.findOneAndUpdate(queued, { $set: { 'delivery.status': 'failed', 'delivery.nextAttemptAt': null, 'delivery.error': outcome.reason, 'delivery.attemptStartedAt': null }, $inc: { 'delivery.attempts': props.connector ? 1 : 0 } }, { returnDocument: 'after' });
  }
  const networkId = outcome.externalId === null ? {} : { externalId: outcome.externalId };
  const sent = { $set: { ...networkId, 'delivery.status': 'sent', 'delivery.sentAt': now, 'delivery.nextAttemptAt': null, 'delivery.error': outcome.note ?? null, 'delivery.attemptStartedAt': null }, $inc: { 'delivery.attempts': 1 } };
  try {
    return await messages.findOneAndUpdate(queued, sent, { returnDocument: 'after' });
  } catch (error) {
    // The connector polled our own post before we recorded its id: drop its copy (the same post) and keep ours, with the delivery status.
    if (!(error instanceof DuplicateKeyError) || !error.duplicate.existingId) throw error;
    await messages.deleteMany({ _id: error.duplicate.existingId, delivery: null });
    return messages.findOneAndUpdate(queued, sent, { returnDocument: 'after' });
  }
}

function deliveredChange(current: CaseDocument, reply: MessageDocument, props: RecordDeliveryProps, now: Date, hoursOf: HoursOf): CaseChange | null {
  const delivery = reply.delivery!;
  const actor: EventActor = props.connector ? { kind: 'connector', id: props.connector } : { kind: 'system', id: 'outbox' };
  const data: Record<string, unknown> = { replyId: reply._id, channel: reply.channel, status: delivery.status };
  const change: CaseChange = { set: {}, events: [{ type: 'reply', actor, data }] };
  const byAgent = delivery.sender.kind === 'user';
  if (props.outcome.kind === 'retry') {
    // Still queued: the agents see that it waits, why, and until when (X's window or a backoff).
    if (!byAgent) return null;
    Object.assign(data, { status: 'waiting', reason: props.outcome.reason, retryAt: props.outcome.nextAttemptAt.toISOString() });
    change.set.replyIssue = { replyId: reply._id, state: 'waiting', reason: props.outcome.reason, retryAt: props.outcome.nextAttemptAt, senderId: delivery.sender.id };
    return change;
  }
  if (props.outcome.kind === 'sent') {
    if (current.replyIssue?.replyId === reply._id) change.set.replyIssue = null;
    data.externalId = `${reply.platform}:${reply.externalId}`;
    // The first response is a person's: the bot's answers and move-to-DM notes do not stop the agents' clock.
    if (delivery.sender.kind === 'user' && !current.firstResponseAt) {
      // The resolution target counts from the customer's first message, as the first-response one did.
      // In the team's open hours, plus the time the clock stood still meanwhile; on a paused case it stays stopped.
      const hours = hoursOf(current.team);
      const due = slaDueAt(current.tier as Tier, current.firstMessageAt ?? current.createdAt, now, props.targets ?? DEFAULT_SLA, hours, current.slaPausedMs ?? 0);
      Object.assign(change.set, { firstResponseAt: now, ...nextTargetClock(current, due, hours), slaBreachedAt: null });
    }
    // An agent's answer that reached the customer opens a new case; a queued or failed one leaves it new, so the inbox still shows it unanswered.
    if (delivery.sender.kind === 'user' && current.status === 'new') {
      change.set.status = 'open';
      change.events.push({ type: 'updated', actor: { kind: 'user', id: delivery.sender.id }, data: { status: { from: 'new', to: 'open' } } });
    }
    // A person answered: nothing of the customer's waits any more (their next message starts the wait again).
    if (delivery.sender.kind === 'user' && current.waitingSince) change.set.waitingSince = null;
    return change;
  }
  data.reason = delivery.error;
  if (byAgent) change.set.replyIssue = { replyId: reply._id, state: 'failed', reason: delivery.error ?? null, retryAt: null, senderId: delivery.sender.id };
  // The network refused the bot's answer or kept failing: the customer got nothing, so agents take the case.
  if (props.connector && delivery.sender.kind === 'system' && delivery.sender.id === 'bot') {
    const handOff = handOffChange(current, props.agentTeam, 'the bot answer could not be delivered', now, props.targets ?? DEFAULT_SLA, hoursOf(props.agentTeam));
    if (handOff) return { set: handOff.set, inc: handOff.inc, events: [...change.events, ...handOff.events] };
  }
  return change;
}
