import { conflict, notFound } from '../../errors.js';
import type { SessionUser } from '../../middleware/currentUser.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import type { RuleSetVersionDocument, Store } from '../../store/index.js';
import { checkRuleSet } from './checkRuleSet.js';
import { PUBLISH_LOCK, publishVersion } from './publishVersion.js';
import { invalidRuleSet } from './ruleSetErrors.js';

export interface RollbackProps {
  store: Store;
  rules: ActiveRuleSet;
  /** The old version whose rule set comes back. */
  version: number;
  user: SessionUser;
  now?: Date;
}

/**
 * Republishes an old version's rule set as a new version (history is never
 * rewritten). The draft is left alone. The old set is checked again: a set
 * naming a team deleted since is not put back in force.
 */
export function rollbackRuleSet(props: RollbackProps): Promise<RuleSetVersionDocument> {
  const { store } = props;
  return store.exclusive(PUBLISH_LOCK, async () => {
    const old = await store.collections.ruleSetVersions.findOne({ version: props.version });
    if (!old) throw notFound(`rule set version ${props.version}`);
    if (props.rules.get().version === old.version) throw conflict(`version ${old.version} is already in force`);
    const check = await checkRuleSet(store, old.ruleSet);
    if (!check.valid) throw invalidRuleSet(`version ${old.version} is no longer a valid rule set and cannot be put back in force`, check.errors);
    return publishVersion({ store, rules: props.rules, ruleSet: check.ruleSet, publishedBy: props.user.username, rolledBackFrom: old.version, now: props.now });
  });
}
