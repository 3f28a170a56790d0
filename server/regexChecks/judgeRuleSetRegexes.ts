import { REGEX_CHECK_TIMEOUT_MS, rememberedRegexRisk, rememberRegexRisk, type RegexRisk } from '../routing/regexSafety.js';
import { MAX_REGEXES_PER_RULE_SET, REGEX_CHECK_BUDGET_MS } from './limits.js';
import { RegexChecker, type RegexSource } from './regexChecker.js';
import { regexKey, ruleSetRegexes } from './ruleSetRegexes.js';

/** The bounds judging works within (limits.ts; tests make them small). */
export interface RegexCheckLimits {
  maxRegexes: number;
  budgetMs: number;
}

const DEFAULT_LIMITS: RegexCheckLimits = { maxRegexes: MAX_REGEXES_PER_RULE_SET, budgetMs: REGEX_CHECK_BUDGET_MS };

/** The process's one checker: rule sets queue for it. */
const checker = new RegexChecker(REGEX_CHECK_TIMEOUT_MS);

/**
 * Judges the regular expressions of a rule set off the event loop (a worker
 * thread) and answers the judge validateRuleSet asks, so validation itself
 * never runs recheck. Verdicts are remembered per expression (a bounded
 * cache): an expression judged once costs nothing the next time. Expressions
 * past `maxRegexes`, and those left when `budgetMs` runs out, are refused
 * with a message that says so, at their pointers.
 */
export async function judgeRuleSetRegexes(input: unknown, limits: RegexCheckLimits = DEFAULT_LIMITS): Promise<RegexRisk> {
  const allowed = [...ruleSetRegexes(input).entries()].slice(0, limits.maxRegexes);
  const verdicts = new Map<string, string | null>();
  const unjudged: RegexSource[] = [];
  for (const [key, regex] of allowed) {
    const remembered = rememberedRegexRisk(regex.source, regex.flags);
    if (remembered === undefined) unjudged.push(regex);
    else verdicts.set(key, remembered);
  }
  const judged = unjudged.length > 0 ? await checker.judge(unjudged, limits.budgetMs) : [];
  judged.forEach((diagnostics, index) => {
    const { source, flags } = unjudged[index]!;
    verdicts.set(regexKey(source, flags), rememberRegexRisk(source, flags, diagnostics));
  });
  const allowedKeys = new Set(allowed.map(([key]) => key));
  return (source, flags) => {
    const key = regexKey(source, flags);
    const verdict = verdicts.get(key);
    if (verdict !== undefined) return verdict;
    if (!allowedKeys.has(key)) {
      return `is one regular expression too many: a rule set may hold ${limits.maxRegexes} different ones; use keywords (containsAny) or merge expressions`;
    }
    return `was not checked for catastrophic backtracking: checking this rule set's regular expressions may take ${limits.budgetMs / 1000} s in all; save again to go on (expressions already checked are remembered), or use fewer or simpler ones`;
  };
}
