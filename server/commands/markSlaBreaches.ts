import type { Priority } from '../routing/index.js';
import { allTeamsScope, type Store } from '../store/index.js';
import { changeCase } from './changeCase.js';

const RAISED: Record<Priority, Priority> = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' };
const ACTOR = { kind: 'system' as const, id: 'sla' };

/**
 * Marks every open case whose response-time target has passed: it records
 * the breach, raises the priority one step and appends an `sla_breach` event.
 * Due times are stored, so a restart loses nothing; returns the cases marked.
 */
export async function markSlaBreaches(props: { store: Store; now?: Date }): Promise<string[]> {
  const { store } = props;
  const now = props.now ?? new Date();
  const due = await store.collections.cases.find(allTeamsScope(), { status: { $in: ['new', 'open'] }, slaDueAt: { $lte: now }, slaBreachedAt: null }, { fields: ['_id'], limit: 1000 });
  const marked: string[] = [];
  for (const { _id } of due) {
    const breached = await store.exclusive(`case:${_id}`, () => changeCase({
      store, scope: allTeamsScope(), caseId: _id, now,
      plan: (current) => {
        if (!['new', 'open'].includes(current.status) || !current.slaDueAt || current.slaDueAt > now || current.slaBreachedAt) return null;
        const priority = RAISED[current.priority];
        return { set: { slaBreachedAt: now, priority }, events: [{ type: 'sla_breach', actor: ACTOR, data: { dueAt: current.slaDueAt, priority: { from: current.priority, to: priority } } }] };
      },
    }));
    if (breached) marked.push(_id);
  }
  return marked;
}
