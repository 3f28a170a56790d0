import type { ResponseTargets } from '../cases/responseTargets.js';
import { DEFAULT_SLA, slaDueAt } from '../cases/sla.js';
import type { Tier } from '../routing/index.js';
import { allTeamsScope, DuplicateKeyError, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';
import { handOffChange } from './handOffBotCase.js';
import { changeCase, type CaseChange, type EventActor } from './changeCase.js';

/** How one delivery attempt ended. */
export type DeliveryOutcome =
  | { kind: 'sent'; externalId: string }
  /** Given up: a permanent refusal, no connector, or the last attempt failed. */
  | { kind: 'failed'; reason: string }
  /** A transient failure with attempts left: stays queued until `nextAttemptAt`. */
  | { kind: 'retry'; reason: string; nextAttemptAt: Date };

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
 * firstResponseAt and moves slaDueAt to the resolution target. Failed: the
 * reason is kept, and a bot case whose answer failed goes to agents. Both are
 * `reply` events; a retry only reschedules.
 */
export function recordDelivery(props: RecordDeliveryProps): Promise<RecordedDelivery> {
  const caseId = props.reply.caseId;
  const now = props.now ?? new Date();
  if (!caseId) return updateReply(props, now).then((reply) => ({ reply, case: null }));
  return props.store.exclusive(`case:${caseId}`, async () => {
    const reply = await updateReply(props, now);
    if (!reply || props.outcome.kind === 'retry') return { reply, case: null };
    const changed = await changeCase({ store: props.store, scope: allTeamsScope(), caseId, now, plan: (current) => deliveredChange(current, reply, props, now) });
    return { reply, case: changed?.case ?? null };
  });
}

/** Moves the reply out of `queued` (or reschedules it); null when it was no longer queued. */
async function updateReply(props: RecordDeliveryProps, now: Date): Promise<MessageDocument | null> {
  const { store, reply, outcome } = props;
  const queued = { _id: reply._id, 'delivery.status': 'queued' };
  const messages = store.collections.messages;
  if (outcome.kind === 'retry') {
    return messages.findOneAndUpdate(queued, { $set: { 'delivery.nextAttemptAt': outcome.nextAttemptAt, 'delivery.error': outcome.reason }, $inc: { 'delivery.attempts': 1 } }, { returnDocument: 'after' });
  }
  if (outcome.kind === 'failed') {
    return messages.findOneAndUpdate(queued, { $set: { 'delivery.status': 'failed', 'delivery.nextAttemptAt': null, 'delivery.error': outcome.reason }, $inc: { 'delivery.attempts': props.connector ? 1 : 0 } }, { returnDocument: 'after' });
  }
  const sent = { $set: { externalId: outcome.externalId, 'delivery.status': 'sent', 'delivery.sentAt': now, 'delivery.nextAttemptAt': null, 'delivery.error': null }, $inc: { 'delivery.attempts': 1 } };
  try {
    return await messages.findOneAndUpdate(queued, sent, { returnDocument: 'after' });
  } catch (error) {
    // The connector polled our own post before we recorded its id: drop its copy (the same post) and keep ours, with the delivery status.
    if (!(error instanceof DuplicateKeyError) || !error.duplicate.existingId) throw error;
    await messages.deleteMany({ _id: error.duplicate.existingId, delivery: null });
    return messages.findOneAndUpdate(queued, sent, { returnDocument: 'after' });
  }
}

function deliveredChange(current: CaseDocument, reply: MessageDocument, props: RecordDeliveryProps, now: Date): CaseChange {
  const delivery = reply.delivery!;
  const actor: EventActor = props.connector ? { kind: 'connector', id: props.connector } : { kind: 'system', id: 'outbox' };
  const data: Record<string, unknown> = { replyId: reply._id, channel: reply.channel, status: delivery.status };
  const change: CaseChange = { set: {}, events: [{ type: 'reply', actor, data }] };
  if (props.outcome.kind === 'sent') {
    data.externalId = `${reply.platform}:${reply.externalId}`;
    // The first response is a person's: the bot's answers and move-to-DM notes do not stop the agents' clock.
    if (delivery.sender.kind === 'user' && !current.firstResponseAt) {
      Object.assign(change.set, { firstResponseAt: now, slaDueAt: slaDueAt(current.tier as Tier, current.createdAt, now, props.targets ?? DEFAULT_SLA), slaBreachedAt: null });
    }
    return change;
  }
  data.reason = delivery.error;
  // The network refused the bot's answer or kept failing: the customer got nothing, so agents take the case.
  if (props.connector && delivery.sender.kind === 'system' && delivery.sender.id === 'bot') {
    const handOff = handOffChange(current, props.agentTeam, 'the bot answer could not be delivered', now, props.targets ?? DEFAULT_SLA);
    if (handOff) return { set: handOff.set, inc: handOff.inc, events: [...change.events, ...handOff.events] };
  }
  return change;
}
