import { allTeamsScope, plainString, type Store } from '../../store/index.js';
import { changeCase } from '../changeCase.js';
import { QUEUED_STATUSES } from './assignmentRules.js';

/**
 * An agent went offline: their unanswered cases (new or open, not pending on
 * the customer) go back to their teams' queues, each with an `assigned`
 * event saying why. The ids of the cases handed back.
 */
export async function handBackCases(props: { store: Store; username: string; reason: string; now?: Date }): Promise<string[]> {
  const { store } = props;
  const username = plainString(props.username, 'username');
  const now = props.now ?? new Date();
  const held = (await store.collections.cases.find(allTeamsScope(), { assignee: username, status: { $in: [...QUEUED_STATUSES] } }, { sort: { createdAt: 1 }, fields: ['_id'] })) as Array<{ _id: string }>;
  const handed: string[] = [];
  for (const { _id } of held) {
    const changed = await store.exclusive(`case:${_id}`, () => changeCase({
      store,
      scope: allTeamsScope(),
      caseId: _id,
      now,
      plan: (current) => (current.assignee === username && (QUEUED_STATUSES as readonly string[]).includes(current.status)
        ? { set: { assignee: null }, events: [{ type: 'assigned', actor: { kind: 'system', id: 'assignment' }, data: { assignee: { from: username, to: null }, reason: props.reason } }] }
        : null),
    }));
    if (changed) handed.push(_id);
  }
  return handed;
}
