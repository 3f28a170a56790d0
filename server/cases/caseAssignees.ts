import { notFound } from '../errors.js';
import { plainString, scopeCovers, scopeForUser, type Store, type TeamScope } from '../store/index.js';

/**
 * Who a case can be assigned to: enabled agents and admins who may see its
 * team (the same rule updateCase checks), by username. 404 for a case outside
 * the caller's scope.
 */
export async function caseAssignees(props: { store: Store; scope: TeamScope; caseId: string }): Promise<Array<{ username: string; name: string | null }>> {
  const { store } = props;
  const found = await store.collections.cases.findOne(props.scope, { _id: plainString(props.caseId, 'case id') });
  if (!found) throw notFound('case');
  const users = await store.collections.users.find({ disabled: false, role: { $in: ['agent', 'admin'] } }, { sort: { username: 1 } });
  return users
    .filter((user) => scopeCovers(scopeForUser(user), found.team))
    .map((user) => ({ username: user.username, name: user.displayName ?? null }));
}
