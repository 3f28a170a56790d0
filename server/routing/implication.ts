import { canonicalJson } from './canonical.js';
import { leafImplies } from './leafImplication.js';
import type { Condition, LeafCondition } from './types.js';

/** Whether a condition holds for every message (structurally provable). */
export function alwaysTrue(condition: Condition): boolean {
  if ('all' in condition) return condition.all.every(alwaysTrue);
  if ('any' in condition) return condition.any.some(alwaysTrue);
  if ('not' in condition) return alwaysFalse(condition.not);
  return false;
}

/** Whether a condition holds for no message (structurally provable). */
export function alwaysFalse(condition: Condition): boolean {
  if ('all' in condition) return condition.all.some(alwaysFalse);
  if ('any' in condition) return condition.any.every(alwaysFalse);
  if ('not' in condition) return alwaysTrue(condition.not);
  return false;
}

const STEP_BUDGET = 2000;

/**
 * Why `later` being true forces `earlier` to be true, or null when no proof is
 * found within a bounded search. Only proven implications are reported (sound).
 */
export function implies(later: Condition, earlier: Condition): string | null {
  const budget = { steps: STEP_BUDGET };
  return prove(later, earlier, budget);
}

function prove(later: Condition, earlier: Condition, budget: { steps: number }): string | null {
  if (--budget.steps < 0) return null;
  if (alwaysTrue(earlier)) return 'it matches every message';
  if (canonicalJson(later) === canonicalJson(earlier)) return 'same condition';
  if ('all' in later) {
    for (const child of later.all) {
      const why = prove(child, earlier, budget);
      if (why) return why === 'same condition' ? "its condition is one of this rule's all conditions" : why;
    }
  }
  if ('any' in later && later.any.length > 0) {
    const reasons = later.any.map((child) => prove(child, earlier, budget));
    if (reasons.every(Boolean)) return reasons[0]!;
  }
  if ('all' in earlier) {
    const reasons = earlier.all.map((child) => prove(later, child, budget));
    if (reasons.every(Boolean)) return reasons.find((why) => why !== 'it matches every message') ?? reasons[0]!;
  }
  if ('any' in earlier) {
    for (const child of earlier.any) {
      const why = prove(later, child, budget);
      if (why) return why;
    }
  }
  if ('not' in earlier && 'not' in later) return prove(earlier.not, later.not, budget);
  if (isLeaf(later) && isLeaf(earlier)) return leafImplies(later, earlier);
  return null;
}

function isLeaf(condition: Condition): condition is LeafCondition {
  return 'field' in condition;
}
