import type { Message } from '../routing/index.js';
import type { CaseDocument, CaseEventType } from '../store/index.js';
import type { ResponseTargets } from './responseTargets.js';
import { slaDueAt } from './sla.js';

export interface CaseArrivalChange {
  set: Partial<Pick<CaseDocument, 'status' | 'tier' | 'team' | 'slaDueAt' | 'slaBreachedAt' | 'resolvedAt' | 'escalations' | 'lastActivityAt'>>;
  events: Array<{ type: CaseEventType; data: Record<string, unknown> }>;
}

/**
 * What customer messages arriving in an existing case change: a resolved case reopens,
 * a pending one opens again, and a bot case escalates to an agent (the bot's
 * answer did not help). Pure: the caller writes the result.
 */
export function joinUpdate(current: CaseDocument, messages: Message[], now: Date, escalationTeam: string, targets: ResponseTargets): CaseArrivalChange {
  const newest = messages.reduce((latest, message) => (message.createdAt > latest ? message.createdAt : latest), messages[0]!.createdAt);
  const set: CaseArrivalChange['set'] = { lastActivityAt: maxDate(current.lastActivityAt, new Date(newest)) };
  const events: CaseArrivalChange['events'] = [];
  for (const message of messages) events.push({ type: 'message', data: { messageId: message.id, direction: 'in' } });
  if (current.status === 'bot') {
    Object.assign(set, { status: 'new', tier: 1, team: escalationTeam, slaDueAt: slaDueAt(1, now, null, targets), slaBreachedAt: null, escalations: current.escalations + 1 });
    events.push({ type: 'escalated', data: { from: { tier: current.tier, team: current.team }, to: { tier: 1, team: escalationTeam }, reason: 'the customer wrote again after the bot answer' } });
  } else if (current.status === 'resolved' || current.status === 'pending') {
    Object.assign(set, { status: 'open' });
    if (current.status === 'resolved') Object.assign(set, { resolvedAt: null, slaDueAt: slaDueAt(current.tier, now, null, targets), slaBreachedAt: null });
    events.push({ type: 'updated', data: { status: { from: current.status, to: 'open' }, reason: 'the customer wrote again' } });
  }
  return { set, events };
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
