import { canonicalJson } from '../../routing/canonical.js';
import type { DecisionSpec, Rule, RuleSet } from '../../routing/index.js';
import type { RulePart, RuleSetDiff } from './ruleResults.js';

export type { RulePart, RuleSetDiff } from './ruleResults.js';

/** Summarises what changed from `before` to `after` (pure). */
export function diffRuleSets(before: RuleSet, after: RuleSet): RuleSetDiff {
  const oldIndex = new Map(before.rules.map((rule, index) => [rule.id, index]));
  const newIds = new Set(after.rules.map((rule) => rule.id));
  const kept = after.rules.map((rule, to) => ({ rule, to, from: oldIndex.get(rule.id) })).filter((entry): entry is { rule: Rule; to: number; from: number } => entry.from !== undefined);
  const inOrder = longestIncreasingRun(kept.map((entry) => entry.from));
  return {
    added: after.rules.filter((rule) => !oldIndex.has(rule.id)).map((rule) => rule.id),
    removed: before.rules.filter((rule) => !newIds.has(rule.id)).map((rule) => rule.id),
    changed: kept.flatMap(({ rule, from }) => {
      const parts = changedParts(before.rules[from]!, rule);
      return parts.length > 0 ? [{ id: rule.id, parts }] : [];
    }),
    moved: kept.filter((_, k) => !inOrder.has(k)).map(({ rule, from, to }) => ({ id: rule.id, from, to })),
    fallbackChanged: canonicalJson(normalDecision(before.fallback)) !== canonicalJson(normalDecision(after.fallback)),
    nameChanged: (before.name ?? '') !== (after.name ?? ''),
  };
}

/** True when the diff records no change at all. */
export function isEmptyDiff(diff: RuleSetDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length + diff.moved.length === 0 && !diff.fallbackChanged && !diff.nameChanged;
}

function changedParts(before: Rule, after: Rule): RulePart[] {
  const parts: RulePart[] = [];
  if ((before.name ?? '') !== (after.name ?? '')) parts.push('name');
  if ((before.enabled ?? true) !== (after.enabled ?? true)) parts.push('enabled');
  if (canonicalJson(before.when) !== canonicalJson(after.when)) parts.push('when');
  if (canonicalJson(normalDecision(before.then)) !== canonicalJson(normalDecision(after.then))) parts.push('then');
  return parts;
}

function normalDecision(decision: DecisionSpec): DecisionSpec {
  return { ...decision, priority: decision.priority ?? 'normal', tags: decision.tags ?? [] };
}

/** Positions (in `values`) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[len-1] = position of the smallest tail of an increasing run of that length
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, position) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! < value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[position] = tails[low - 1]!;
    tails[low] = position;
  });
  const run = new Set<number>();
  for (let at = tails.length > 0 ? tails[tails.length - 1]! : -1; at !== -1; at = previous[at]!) run.add(at);
  return run;
}
