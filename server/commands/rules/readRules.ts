import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import { RULE_DRAFT_ID, type RuleDraftDocument, type RuleSetVersionDocument, type Store } from '../../store/index.js';
import { checkRuleSet, type RuleSetCheck } from './checkRuleSet.js';
import { draftRuleSet } from './saveDraft.js';

/** The version in force and the draft (checked now, so a team deleted since it was saved shows as an error). */
export async function readRules(props: { store: Store; rules: ActiveRuleSet }): Promise<{
  active: RuleSetVersionDocument;
  draft: { document: RuleDraftDocument; check: RuleSetCheck } | null;
}> {
  const { version } = props.rules.get();
  const [active, draft] = await Promise.all([
    props.store.collections.ruleSetVersions.findOne({ version }),
    props.store.collections.ruleDrafts.findOne({ _id: RULE_DRAFT_ID }),
  ]);
  if (!active) throw new Error(`rule set version ${version} is in force but not stored`);
  return { active, draft: draft ? { document: draft, check: await checkRuleSet(props.store, draftRuleSet(draft)) } : null };
}
