import { compileCondition, type Predicate } from './compileCondition.js';
import { resolveDecision, type ResolvedDecision } from './decision.js';
import { DEFAULT_PHONE_REGIONS } from './detectors.js';
import { KeywordIndex } from './keywordIndex.js';
import type { PointedError, RuleSet } from './types.js';
import { validateRuleSet } from './validate.js';

export interface CompiledRule {
  id: string;
  enabled: boolean;
  test: Predicate;
  decision: ResolvedDecision;
}

/** A rule set compiled once into predicates plus the indexes that let routing skip rules that cannot match. */
export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  readonly rules: readonly CompiledRule[];
  readonly fallback: ResolvedDecision;
  readonly keywords: KeywordIndex;
  /** Where national phone numbers are read (locale.regions, default US). */
  readonly phoneRegions: readonly string[];
  /** Enabled rules that need no particular keyword, in order. */
  readonly keywordFreeRules: readonly number[];
  /** For each keyword id, the enabled rules that can only match when it occurs, in order. */
  readonly rulesNeedingKeyword: readonly (readonly number[])[];
}

/** Thrown when asked to compile a rule set that does not validate. */
export class InvalidRuleSetError extends Error {
  constructor(readonly errors: PointedError[]) {
    super(`invalid rule set: ${errors.map((e) => `${e.pointer}: ${e.message}`).join('; ')}`);
  }
}

/** Validates and compiles a rule set; throws InvalidRuleSetError when it is not valid. */
export function compileRuleSet(input: RuleSet): CompiledRuleSet {
  const validation = validateRuleSet(input);
  if (!validation.ok) throw new InvalidRuleSetError(validation.errors);
  const ruleSet = validation.ruleSet;
  const keywords = new KeywordIndex();
  const keywordFreeRules: number[] = [];
  const needing: number[][] = [];
  const rules = ruleSet.rules.map((rule, index): CompiledRule => {
    const compiled = compileCondition(rule.when, keywords);
    const enabled = rule.enabled !== false;
    if (enabled && compiled.requiredKeywords === null) keywordFreeRules.push(index);
    if (enabled && compiled.requiredKeywords !== null) {
      for (const id of compiled.requiredKeywords) (needing[id] ??= []).push(index);
    }
    return { id: rule.id, enabled, test: compiled.test, decision: resolveDecision(rule.then) };
  });
  const rulesNeedingKeyword = Array.from({ length: keywords.size }, (_, id) => needing[id] ?? []);
    const phoneRegions = Object.freeze([...(ruleSet.locale?.regions ?? DEFAULT_PHONE_REGIONS)]);
  return { ruleSet, rules, fallback: resolveDecision(ruleSet.fallback), keywords, phoneRegions, keywordFreeRules, rulesNeedingKeyword };
}
