import type { CaseCountsAnswer } from '../routes/cases/bodies.js';
import type { Store, TeamScope } from '../store/index.js';
import { CLOSED_STATUSES } from './listCases.js';

/** The user's queues at a glance: active cases (not resolved or suppressed) assigned to them, unassigned, and past their target. */
export async function caseCounts(props: { store: Store; scope: TeamScope; username: string; now?: Date }): Promise<CaseCountsAnswer> {
  const { cases } = props.store.collections;
  const active = { status: { $nin: [...CLOSED_STATUSES] } };
  const now = props.now ?? new Date();
  const [mine, unassigned, overdue] = await Promise.all([
    cases.countDocuments(props.scope, { ...active, assignee: props.username }),
    cases.countDocuments(props.scope, { ...active, assignee: null }),
    // The bot's cases are timed by the bot, not by agents.
    cases.countDocuments(props.scope, { status: { $nin: [...CLOSED_STATUSES, 'bot'] }, slaDueAt: { $ne: null, $lt: now } }),
  ]);
  return { mine, unassigned, overdue };
}
