/**
 * Bounds on judging a rule set's regular expressions (docs/security.md).
 * recheck can take a second or more on one expression, so a set with
 * thousands of them would keep a worker busy for minutes.
 */

/** Distinct expressions (pattern and flags) one rule set may hold; those past it are refused at their pointers. */
export const MAX_REGEXES_PER_RULE_SET = 200;

/** How long judging one rule set's expressions not judged before may take in total; those left are refused (save again to go on). */
export const REGEX_CHECK_BUDGET_MS = 20_000;
