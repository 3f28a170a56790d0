/**
 * Privacy lint (routing.md §5): a tier-0 rule with a reply, or a suppress rule,
 * that can decide a public message in which a detector fires. Safe in one
 * direction: when it is silent, no such message can get that rule's automatic
 * reply (or be suppressed by it), because either an earlier enabled rule
 * surely takes every such message first or the rule's own condition surely
 * refuses it.
 */
import { foldCase } from './fields.js';
import type { DetectedKind } from './detectors.js';
import type { Condition, LintWarning, Rule, RuleSet } from './types.js';

const KINDS: readonly DetectedKind[] = ['email', 'phone', 'card'];

/** Truth of a condition for every message that is public and in which `kind` is detected: true, false, or unknown. */
type Truth = boolean | undefined;

/** The privacy warnings of a valid rule set. */
export function privacyWarnings(ruleSet: RuleSet, neverDecides: ReadonlySet<string> = new Set()): LintWarning[] {
  const warnings: LintWarning[] = [];
  ruleSet.rules.forEach((rule, index) => {
    if (rule.enabled === false || neverDecides.has(rule.id)) return;
    const answers = rule.then.tier === 0 && rule.then.reply !== undefined;
    const suppresses = rule.then.suppress === true;
    if (!answers && !suppresses) return;
    const earlier = ruleSet.rules.slice(0, index).filter((other) => other.enabled !== false);
    const exposed = KINDS.filter((kind) => canDecide(rule, earlier, kind));
    if (exposed.length === 0) return;
    const message = answers ? `may answer personal data in public (detected: ${exposed.join(', ')})` : 'suppresses personal data';
    warnings.push({ ruleId: rule.id, related: [], message });
  });
  return warnings;
}

function canDecide(rule: Rule, earlier: Rule[], kind: DetectedKind): boolean {
  if (earlier.some((other) => truthWith(other.when, kind) === true)) return false;
  return truthWith(rule.when, kind) !== false;
}

function truthWith(condition: Condition, kind: DetectedKind): Truth {
  if ('all' in condition) return conjunction(condition.all.map((child) => truthWith(child, kind)));
  if ('any' in condition) return disjunction(condition.any.map((child) => truthWith(child, kind)));
  if ('not' in condition) {
    const inner = truthWith(condition.not, kind);
    return inner === undefined ? undefined : !inner;
  }
  const { field, op, value } = condition;
  if (field === 'channel') return channelTruth(op, value);
  if (field !== 'detected') return undefined;
  if (op === 'exists') return value === true;
  // Only `kind` is known to be there; other kinds may or may not be.
  const wanted = (value as string[]).map(foldCase);
  if (op === 'containsAny') return wanted.includes(kind) ? true : undefined;
  if (op === 'containsAll') return wanted.every((item) => item === kind) ? true : undefined;
  return undefined;
}

function channelTruth(op: string, value: unknown): Truth {
  const isPublic = (item: unknown) => typeof item === 'string' && foldCase(item) === 'public';
  if (op === 'eq') return isPublic(value);
  if (op === 'neq') return !isPublic(value);
  if (op === 'in') return (value as unknown[]).some(isPublic);
  if (op === 'exists') return value === true;
  return undefined;
}

function conjunction(values: Truth[]): Truth {
  if (values.includes(false)) return false;
  return values.every((value) => value === true) ? true : undefined;
}

function disjunction(values: Truth[]): Truth {
  if (values.includes(true)) return true;
  return values.every((value) => value === false) ? false : undefined;
}
