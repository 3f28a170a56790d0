import { conflict, notFound } from '../../errors.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import { plainString, type Store } from '../../store/index.js';
import { PUBLISH_LOCK } from '../rules/publishVersion.js';
import { PEOPLE_LOCK } from '../users/peopleLock.js';
import { describeReferences, teamReferences, unreferenced } from './teamReferences.js';

export interface DeleteTeamProps {
  store: Store;
  /** The rules in force (a team they route to cannot go). */
  rules: ActiveRuleSet;
  name: string;
}

/**
 * Deletes a team nothing names: no case (whatever its status), no decision
 * of the rules in force or of the draft, no user. Otherwise 409 naming what
 * still refers to it. Publishing and user changes wait meanwhile, so nothing
 * starts naming the team between the check and the delete.
 */
export function deleteTeam(props: DeleteTeamProps): Promise<void> {
  const { store } = props;
  const name = plainString(props.name, 'team');
  return store.exclusive([PEOPLE_LOCK, PUBLISH_LOCK], async () => {
    const team = await store.collections.teams.findOne({ name });
    if (!team) throw notFound(`team "${name}"`);
    const references = await teamReferences(store, props.rules, name);
    if (!unreferenced(references)) throw conflict(`team "${name}" cannot be deleted: it is still used by ${describeReferences(references)}`, references);
    await store.collections.teams.deleteMany({ _id: team._id });
  });
}
