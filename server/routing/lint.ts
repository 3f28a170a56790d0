import { canonicalJson } from './canonical.js';
import { alwaysFalse, alwaysTrue, implies } from './implication.js';
import { atomKeys } from './lintAtoms.js';
import { privacyWarnings } from './privacyLint.js';
import type { Condition, LintWarning, Rule, RuleSet } from './types.js';

const KNOWN_PLACEHOLDER = /^\{\{\s*author\.(handle|name)\s*\}\}$/;

/** Warnings about a valid rule set: shadowed, never-matching and disabled rules, duplicate conditions, reply problems, privacy (§5). */
export function lintRuleSet(ruleSet: RuleSet): LintWarning[] {
  const warnings: LintWarning[] = [];
  const earlierByAtom = new Map<string, number[]>();
  const alwaysMatching: number[] = [];
  ruleSet.rules.forEach((rule, index) => {
    if (rule.enabled === false) {
      warnings.push({ ruleId: rule.id, related: [], message: 'disabled (never evaluated)' });
    } else if (alwaysFalse(rule.when)) {
      warnings.push({ ruleId: rule.id, related: [], message: 'never matches (its condition is always false)' });
    } else {
      const shadow = findShadowingRule(ruleSet.rules, index, earlierByAtom, alwaysMatching);
      if (shadow) warnings.push({ ruleId: rule.id, related: [shadow.id], message: `shadowed by ${shadow.id} (${shadow.why})` });
    }
    warnings.push(...duplicateConditions(rule, `/rules/${index}/when`, rule.when));
    warnings.push(...replyProblems(rule));
    if (rule.enabled !== false) remember(rule, index, earlierByAtom, alwaysMatching);
  });
  // A rule that can never decide cannot answer anyone either.
  const neverDecides = new Set(warnings.filter((w) => /^(?:shadowed by|never matches)/.test(w.message)).map((w) => w.ruleId));
  warnings.push(...privacyWarnings(ruleSet, neverDecides));
  return warnings;
}

/** Formats a warning as the CLI prints it: `RULE_ID: message`. */
export function formatLintWarning(warning: LintWarning): string {
  return `${warning.ruleId}: ${warning.message}`;
}

function remember(rule: Rule, index: number, earlierByAtom: Map<string, number[]>, alwaysMatching: number[]): void {
  if (alwaysTrue(rule.when)) alwaysMatching.push(index);
  for (const key of atomKeys(rule.when)) {
    const list = earlierByAtom.get(key);
    if (list) list.push(index);
    else earlierByAtom.set(key, [index]);
  }
}

function findShadowingRule(
  rules: Rule[],
  index: number,
  earlierByAtom: Map<string, number[]>,
  alwaysMatching: number[],
): { id: string; why: string } | null {
  const later = rules[index]!;
  const candidates = new Set<number>(alwaysMatching);
  for (const key of atomKeys(later.when)) for (const earlier of earlierByAtom.get(key) ?? []) candidates.add(earlier);
  for (const earlierIndex of [...candidates].sort((a, b) => a - b)) {
    const earlier = rules[earlierIndex]!;
    const why = implies(later.when, earlier.when);
    if (why) return { id: earlier.id, why };
  }
  return null;
}

function duplicateConditions(rule: Rule, at: string, condition: Condition): LintWarning[] {
  if ('not' in condition) return duplicateConditions(rule, `${at}/not`, condition.not);
  if (!('all' in condition) && !('any' in condition)) return [];
  const group = 'all' in condition ? 'all' : 'any';
  const children: Condition[] = 'all' in condition ? condition.all : condition.any;
  const warnings: LintWarning[] = [];
  const firstSeen = new Map<string, number>();
  children.forEach((child, i) => {
    const key = canonicalJson(child);
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, i);
    else warnings.push({ ruleId: rule.id, related: [], message: `duplicate condition at ${at}/${group}/${i} (same as ${at}/${group}/${first})` });
    warnings.push(...duplicateConditions(rule, `${at}/${group}/${i}`, child));
  });
  return warnings;
}

function replyProblems(rule: Rule): LintWarning[] {
  const warnings: LintWarning[] = [];
  const text = rule.then.reply?.text;
  if (rule.then.tier === 0 && text === undefined) {
    warnings.push({ ruleId: rule.id, related: [], message: 'tier 0 without reply.text: the bot has no answer to send' });
  }
  for (const placeholder of text?.match(/\{\{[^}]*\}\}/g) ?? []) {
    if (!KNOWN_PLACEHOLDER.test(placeholder)) {
      warnings.push({ ruleId: rule.id, related: [], message: `reply.text has unknown placeholder ${placeholder} (sent as written); use {{author.handle}} or {{author.name}}` });
    }
  }
  return warnings;
}
