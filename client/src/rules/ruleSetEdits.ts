import type { Rule, RuleSet } from '../api/rules.js';
import type { PointedError } from '../api/rules.js';

/** The rule set with one rule replaced. */
export function replaceRule(ruleSet: RuleSet, index: number, rule: Rule): RuleSet {
  return { ...ruleSet, rules: ruleSet.rules.map((current, at) => (at === index ? rule : current)) };
}

/** The rule set with a rule moved from one position to another (first match wins, so order is meaning). */
export function moveRule(ruleSet: RuleSet, from: number, to: number): RuleSet {
  if (from === to || from < 0 || to < 0 || from >= ruleSet.rules.length || to >= ruleSet.rules.length) return ruleSet;
  const rules = ruleSet.rules.slice();
  const [moved] = rules.splice(from, 1);
  rules.splice(to, 0, moved!);
  return { ...ruleSet, rules };
}

/** The rule set without one rule. */
export function removeRule(ruleSet: RuleSet, index: number): RuleSet {
  return { ...ruleSet, rules: ruleSet.rules.filter((_, at) => at !== index) };
}

/** The rule set with a new rule at the end, with an id no other rule has. */
export function addRule(ruleSet: RuleSet): RuleSet {
  const ids = new Set(ruleSet.rules.map((rule) => rule.id));
  let n = 1;
  while (ids.has(`new-rule-${n}`)) n += 1;
  const rule: Rule = { id: `new-rule-${n}`, name: 'New rule', enabled: true, when: { field: 'text', op: 'containsAny', value: ['keyword'] }, then: { tier: 1, team: ruleSet.fallback.team } };
  return { ...ruleSet, rules: [...ruleSet.rules, rule] };
}

/** The errors whose JSON Pointer is `pointer` itself (exact) or lies under it. */
export function errorsUnder(errors: readonly PointedError[], pointer: string, exact = false): PointedError[] {
  return errors.filter((error) => error.pointer === pointer || (!exact && error.pointer.startsWith(`${pointer}/`)));
}
