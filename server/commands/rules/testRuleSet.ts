import { compileRuleSet, routeMessage, validateMessage } from '../../routing/index.js';
import type { ActiveRuleSet } from '../../ruleSets/activeRuleSet.js';
import { RULE_DRAFT_ID, type Store } from '../../store/index.js';
import { checkRuleSet } from './checkRuleSet.js';
import type { TestedDecision } from './ruleResults.js';
import { invalidMessage, invalidRuleSet } from './ruleSetErrors.js';
import { draftRuleSet } from './saveDraft.js';

export type { TestedAgainst, TestedDecision } from './ruleResults.js';

export interface TestRuleSetProps {
  store: Store;
  rules: ActiveRuleSet;
  message: unknown;
  /** The set to try; without it the draft, or the active version when there is no draft. */
  ruleSet?: unknown;
}

/** Routes one message with the trace, against a given set, the draft or the active version. Nothing is stored. */
export async function testRuleSet(props: TestRuleSetProps): Promise<TestedDecision> {
  const message = validateMessage(props.message);
  if (!message.ok) throw invalidMessage(message.errors.map((error) => ({ pointer: `/message${error.pointer}`, message: error.message })));
  const { against, compiled } = await ruleSetToTest(props);
  return { against, decision: routeMessage(compiled, message.message, { explain: true }) };
}

async function ruleSetToTest(props: TestRuleSetProps) {
  if (props.ruleSet !== undefined) {
    const check = await checkRuleSet(props.store, props.ruleSet);
    if (!check.valid) throw invalidRuleSet('the rule set to test is invalid', check.errors);
    return { against: { source: 'request' } as const, compiled: compileRuleSet(check.ruleSet) };
  }
  const draft = await props.store.collections.ruleDrafts.findOne({ _id: RULE_DRAFT_ID });
  if (!draft) {
    const active = props.rules.get();
    return { against: { source: 'active', version: active.version } as const, compiled: active.compiled };
  }
  const check = await checkRuleSet(props.store, draftRuleSet(draft));
  if (!check.valid) throw invalidRuleSet('the draft is invalid: fix it or send the rule set to test', check.errors);
  return { against: { source: 'draft', draftVersion: draft.version } as const, compiled: compileRuleSet(check.ruleSet) };
}
