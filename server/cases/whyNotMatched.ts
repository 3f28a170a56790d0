import type { Condition, LeafCondition, Message } from '../routing/index.js';
import type { ConditionProbe } from './conditionProbe.js';

/** Why a rule did not match: the condition that failed (JSON Pointer into the rule set) and a sentence saying so. */
export interface NoMatchReason {
  pointer: string;
  why: string;
}

// Nested `any`s of `any`s could make a sentence as long as the rule set: beyond this, say how many.
const MAX_LISTED = 4;
// A keyword list of 60 words says no more than its first few and a count.
const MAX_VALUES_LISTED = 6;

/**
 * Explains a condition that does not hold for a message: for `all`, its first
 * failing part; for `any`, that none held (each part's reason); for `not`,
 * that the negated part held; for a test, the test.
 */
export function whyNotMatched(probe: ConditionProbe, condition: Condition, pointer: string, message: Message): NoMatchReason {
  if ('all' in condition) {
    const index = condition.all.findIndex((child, i) => !probe.holds(`${pointer}/all/${i}`, child, message));
    if (index < 0) return { pointer, why: 'did not hold' };
    return whyNotMatched(probe, condition.all[index]!, `${pointer}/all/${index}`, message);
  }
  if ('any' in condition) {
    if (condition.any.length === 0) return { pointer, why: 'an empty "any of" never holds' };
    const reasons = condition.any.slice(0, MAX_LISTED).map((child, i) => whyNotMatched(probe, child, `${pointer}/any/${i}`, message).why);
    const more = condition.any.length > MAX_LISTED ? `; and ${condition.any.length - MAX_LISTED} more` : '';
    return { pointer, why: `none of ${condition.any.length} held: ${reasons.join('; ')}${more}` };
  }
  if ('not' in condition) return { pointer, why: `excluded because ${describeCondition(condition.not)} holds` };
  return { pointer, why: `${describeLeaf(condition)} is false` };
}

/** A condition in words, short ("text containsAny [refund, money back]", "all of 3 conditions"). */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.length === 1 ? describeCondition(condition.all[0]!) : `all of ${condition.all.length} conditions`;
  if ('any' in condition) return condition.any.length === 1 ? describeCondition(condition.any[0]!) : `one of ${condition.any.length} conditions`;
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  return describeLeaf(condition);
}

function describeLeaf(leaf: LeafCondition): string {
  return `${leaf.field} ${leaf.op} ${describeValue(leaf)}`;
}

function describeValue(leaf: LeafCondition): string {
  const { value } = leaf;
  if (Array.isArray(value)) {
    const more = value.length > MAX_VALUES_LISTED ? `, … ${value.length - MAX_VALUES_LISTED} more` : '';
    return `[${value.slice(0, MAX_VALUES_LISTED).map(String).join(', ')}${more}]`;
  }
  if (leaf.op === 'matches') return `/${String(value)}/${leaf.flags ?? ''}`;
  if (value !== null && typeof value === 'object') {
    const window = value as { days?: string[]; from?: string; to?: string; tz?: string; min?: number; max?: number };
    if (window.tz !== undefined) return `${(window.days ?? []).join(',')} ${window.from}–${window.to} (${window.tz})`;
    return JSON.stringify(value);
  }
  return typeof value === 'string' ? `"${value}"` : String(value);
}
