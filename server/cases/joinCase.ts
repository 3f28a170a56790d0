import type { Message } from '../routing/index.js';
import type { CaseDocument, CaseEventType } from '../store/index.js';
import { customerTime } from './newCase.js';
import type { ResponseTargets } from './responseTargets.js';
import { slaDueAt } from './sla.js';
import { clockChange, FRESH_CLOCK } from './slaClock.js';
import type { HoursOf } from './teamHoursLookup.js';

/** What customer messages arriving in a case change: fields to set and the events recording it, in order. */
export interface CaseArrivalChange {
  set: Partial<Pick<CaseDocument, 'status' | 'tier' | 'team' | 'slaDueAt' | 'slaBreachedAt' | 'resolvedAt' | 'escalations' | 'lastActivityAt' | 'waitingSince' | 'snoozedUntil' | 'slaPausedAt' | 'slaRemainingMs' | 'slaPausedMs'>>;
  events: Array<{ type: CaseEventType; data: Record<string, unknown> }>;
}

/** What an arrival is measured against. */
export interface ArrivalContext {
  now: Date;
  /** Where a bot case goes when the customer writes again (its answer did not help). */
  escalationTeam: string;
  targets: ResponseTargets;
  /** Each team's business hours, which response targets count (absent: all hours). */
  hoursOf?: HoursOf;
}

/**
 * What customer messages (oldest first) arriving in a case change. The
 * first messages of a case that holds none yet record its `created` event.
 * Later ones: a resolved case reopens, a pending one opens again, a bot
 * case escalates to an agent, a suppressed one stays suppressed. Timers
 * count from when the customer wrote (clamped to now), never from when the
 * message was stored. Pure: the caller writes the result.
 */
export function arrivalChange(current: CaseDocument, messages: readonly Message[], context: ArrivalContext): CaseArrivalChange {
  const { now, targets } = context;
  const hoursOf = context.hoursOf ?? (() => null);
  const firstWritten = customerTime(messages[0]!, now);
  const newest = messages.reduce((latest, message) => Math.max(latest, customerTime(message, now).getTime()), 0);
  const set: CaseArrivalChange['set'] = { lastActivityAt: new Date(Math.max(current.lastActivityAt.getTime(), newest)) };
  const events: CaseArrivalChange['events'] = [];
  const [first, ...rest] = messages;
  const opening = current.lastEventSeq === 0;
  if (opening) {
    events.push({ type: 'created', data: { messageId: first!.id, tier: current.tier, team: current.team, ruleId: current.routing.ruleId, ruleSetVersion: current.routing.ruleSetVersion } });
  }
  for (const message of opening ? rest : messages) events.push({ type: 'message', data: { messageId: message.id, direction: 'in' } });
  if (!opening && current.snoozedUntil) {
    set.snoozedUntil = null;
    events.push({ type: 'updated', data: { snoozedUntil: { from: current.snoozedUntil, to: null }, reason: 'the customer wrote again' } });
  }
  if (opening || current.status === 'suppressed') return { set, events };
  // The customer waits from their oldest message nobody has answered yet.
  const waiting = current.waitingSince ?? firstWritten;
  if (current.status === 'bot') {
    Object.assign(set, { status: 'new', tier: 1, team: context.escalationTeam, waitingSince: waiting, slaDueAt: slaDueAt(1, waiting, null, targets, hoursOf(context.escalationTeam)), slaBreachedAt: null, ...FRESH_CLOCK, escalations: current.escalations + 1 });
    events.push({ type: 'escalated', data: { from: { tier: current.tier, team: current.team }, to: { tier: 1, team: context.escalationTeam }, reason: 'the customer wrote again after the bot answer' } });
    return { set, events };
  }
  set.waitingSince = waiting;
  // The customer wrote: a pending or snoozed case's clock runs again from where it stopped.
  Object.assign(set, clockChange(current, { status: current.status === 'pending' ? 'open' : current.status, snoozedUntil: null }, now, hoursOf(current.team)));
  if (current.status === 'resolved' || current.status === 'pending') {
    Object.assign(set, { status: 'open' });
    if (current.status === 'resolved') Object.assign(set, { resolvedAt: null, slaDueAt: slaDueAt(current.tier as 0 | 1 | 2, waiting, null, targets, hoursOf(current.team)), slaBreachedAt: null, ...FRESH_CLOCK });
    events.push({ type: 'updated', data: { status: { from: current.status, to: 'open' }, reason: 'the customer wrote again' } });
  }
  return { set, events };
}
