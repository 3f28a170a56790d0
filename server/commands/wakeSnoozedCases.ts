import { clockChange } from '../cases/slaClock.js';
import { loadTeamHours } from '../cases/teamHoursLookup.js';
import { allTeamsScope, type Store } from '../store/index.js';
import { changeCase } from './changeCase.js';

// One sweep wakes at most this many; the next sweep goes on.
const MAX_PER_SWEEP = 500;

/**
 * Wakes the snoozed cases whose time has come: clears snoozedUntil with an
 * `updated` event saying why, so they are back in the default inbox. Each is
 * a version-checked case update, so several processes sweeping at once
 * record one wake-up per case. The ids of the cases woken.
 */
export async function wakeSnoozedCases(props: { store: Store; now?: Date }): Promise<string[]> {
  const { store } = props;
  const now = props.now ?? new Date();
  const due = await store.collections.cases.find(allTeamsScope(), { snoozedUntil: { $ne: null, $lte: now } }, { sort: { snoozedUntil: 1 }, limit: MAX_PER_SWEEP, fields: ['_id'] });
  const woken: string[] = [];
  const hoursOf = due.length > 0 ? await loadTeamHours(store) : () => null;
  for (const { _id } of due) {
    const changed = await store.exclusive(`case:${_id}`, () => changeCase({
      store,
      scope: allTeamsScope(),
      caseId: _id,
      now,
      plan: (current) => (current.snoozedUntil && current.snoozedUntil.getTime() <= now.getTime()
        ? { set: { snoozedUntil: null, ...clockChange(current, { status: current.status, snoozedUntil: null }, now, hoursOf(current.team)) }, events: [{ type: 'updated', actor: { kind: 'system', id: 'snooze' }, data: { snoozedUntil: { from: current.snoozedUntil, to: null }, reason: 'the snooze time came' } }] }
        : null),
    }));
    if (changed) woken.push(_id);
  }
  return woken;
}
