import { lintRuleSet, validateRuleSet, type LintWarning, type PointedError, type RuleSet } from '../../routing/index.js';
import { judgeRuleSetRegexes } from '../../regexChecks/judgeRuleSetRegexes.js';
import type { Store } from '../../store/index.js';

/** What an admin needs to know about a rule set: whether it can be published, why not, and what looks suspicious. */
export type RuleSetCheck =
  | { valid: true; ruleSet: RuleSet; errors: []; warnings: LintWarning[] }
  | { valid: false; errors: PointedError[]; warnings: [] };

/**
 * Validates a rule set as publishing requires: the router's checks
 * (routing.md §4) plus "every team a decision names exists". Lint runs only
 * on a valid set (its analysis assumes one). Regular expressions are judged
 * off the event loop first, within the limits of server/regexChecks.
 */
export async function checkRuleSet(store: Store, input: unknown): Promise<RuleSetCheck> {
  const validation = validateRuleSet(input, await judgeRuleSetRegexes(input));
  const teamErrors = unknownTeams(input, await teamNames(store));
  if (validation.ok && teamErrors.length === 0) return { valid: true, ruleSet: validation.ruleSet, errors: [], warnings: lintRuleSet(validation.ruleSet) };
  return { valid: false, errors: inDocumentOrder([...(validation.ok ? [] : validation.errors), ...teamErrors]), warnings: [] };
}

async function teamNames(store: Store): Promise<Set<string>> {
  const teams = await store.collections.teams.find({}, { fields: ['name'] });
  return new Set(teams.map((team) => team.name));
}

/** `/rules/N/then/team` and `/fallback/team` errors for decisions naming a team that is not stored. */
function unknownTeams(input: unknown, known: ReadonlySet<string>): PointedError[] {
  if (!isObject(input)) return [];
  const errors: PointedError[] = [];
  const check = (decision: unknown, pointer: string) => {
    const team = isObject(decision) ? decision.team : undefined;
    if (typeof team === 'string' && team !== '' && !known.has(team)) {
      errors.push({ pointer, message: `team "${team}" does not exist (teams: ${[...known].sort().join(', ') || 'none'})` });
    }
  };
  if (Array.isArray(input.rules)) input.rules.forEach((rule, index) => check(isObject(rule) ? rule.then : undefined, `/rules/${index}/then/team`));
  check(input.fallback, '/fallback/team');
  return errors;
}

/** Orders errors as the document reads: the set's own fields, then rule by rule, then the fallback (stable within each part). */
function inDocumentOrder(errors: PointedError[]): PointedError[] {
  const rank = (pointer: string) => {
    const rule = /^\/rules\/(\d+)(\/|$)/.exec(pointer);
    if (rule) return 1 + Number(rule[1]);
    if (pointer.startsWith('/fallback')) return Number.MAX_SAFE_INTEGER;
    return pointer.startsWith('/rules') ? 0.5 : 0;
  };
  return errors.map((error, index) => ({ error, index })).sort((a, b) => rank(a.error.pointer) - rank(b.error.pointer) || a.index - b.index).map(({ error }) => error);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
