import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { MAX_CONDITION_DEPTH } from './operators.js';
import { pointedSchemaErrors } from './schemaErrors.js';
import { regexRisk, type RegexRisk } from './regexSafety.js';
import type { PointedError, RuleSet } from './types.js';
import { validateLeaf } from './validateLeaf.js';

/** The rule-set JSON Schema admins and the editor see (rules/schema.json). */
export const ruleSetSchema = JSON.parse(
  readFileSync(new URL('../../rules/schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const checkSchema = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(ruleSetSchema);

export type RuleSetValidation = { ok: true; ruleSet: RuleSet } | { ok: false; errors: PointedError[] };

/**
 * Validates a rule set against the schema and every semantic check of
 * routing.md §4. `judgeRegex` says whether an expression is safe; servers
 * pass verdicts reached off the event loop (server/regexChecks).
 */
export function validateRuleSet(input: unknown, judgeRegex: RegexRisk = regexRisk): RuleSetValidation {
  const depthErrors = findTooDeepConditions(input);
  // A too-deep condition is not walked (that is what the limit protects against); the rest is checked as usual.
  const checkable = depthErrors.length > 0 ? withoutTooDeepConditions(input, depthErrors) : input;
  const errors = checkSchema(checkable) ? [] : pointedSchemaErrors(checkSchema.errors ?? []);
  errors.push(...semanticErrors(checkable, judgeRegex), ...depthErrors);
  errors.sort((a, b) => comparePointers(a.pointer, b.pointer));
  return errors.length === 0 ? { ok: true, ruleSet: input as RuleSet } : { ok: false, errors };
}

function rulesOf(input: unknown): unknown[] {
  if (typeof input !== 'object' || input === null) return [];
  const rules = (input as { rules?: unknown }).rules;
  return Array.isArray(rules) ? rules : [];
}

function semanticErrors(input: unknown, judgeRegex: RegexRisk): PointedError[] {
  const errors: PointedError[] = [];
  const firstIndexOfId = new Map<string, number>();
  rulesOf(input).forEach((rule, index) => {
    if (typeof rule !== 'object' || rule === null) return;
    const { id, when } = rule as { id?: unknown; when?: unknown };
    if (typeof id === 'string') {
      const first = firstIndexOfId.get(id);
      if (first !== undefined) errors.push({ pointer: `/rules/${index}/id`, message: `duplicates the id of /rules/${first}` });
      else firstIndexOfId.set(id, index);
    }
    walkLeaves(when, `/rules/${index}/when`, (leaf, at) => validateLeaf(leaf, at, errors, judgeRegex));
    decisionErrors((rule as { then?: unknown }).then, `/rules/${index}/then`, errors);
  });
  if (typeof input === 'object' && input !== null) {
    decisionErrors((input as { fallback?: unknown }).fallback, '/fallback', errors);
    regionErrors((input as { locale?: unknown }).locale, errors);
  }
  return errors;
}

/** `suppress` means no reply at all, so a decision cannot have both. */
function decisionErrors(decision: unknown, at: string, errors: PointedError[]): void {
  if (typeof decision !== 'object' || decision === null) return;
  const { suppress, reply } = decision as { suppress?: unknown; reply?: unknown };
  if (suppress === true && reply !== undefined) {
    errors.push({ pointer: `${at}/reply`, message: 'a decision that suppresses sends no reply: remove reply or suppress' });
  }
}

function regionErrors(locale: unknown, errors: PointedError[]): void {
  if (typeof locale !== 'object' || locale === null) return;
  const regions = (locale as { regions?: unknown }).regions;
  if (!Array.isArray(regions)) return;
  regions.forEach((region, index) => {
    if (typeof region === 'string' && /^[A-Z]{2}$/.test(region) && !isSupportedCountry(region)) {
      errors.push({ pointer: `/locale/regions/${index}`, message: `'${region}' is not an ISO 3166-1 alpha-2 region with phone-number metadata` });
    }
  });
}

function walkLeaves(condition: unknown, at: string, visit: (leaf: Record<string, unknown>, at: string) => void): void {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return;
  const node = condition as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) {
    if (group in node) {
      const children = node[group];
      if (Array.isArray(children)) children.forEach((child, i) => walkLeaves(child, `${at}/${group}/${i}`, visit));
      return;
    }
  }
  if ('not' in node) return walkLeaves(node.not, `${at}/not`, visit);
  visit(node, at);
}

/** A shallow copy of the set in which each rule with a too-deep condition has an empty (valid) one instead. */
function withoutTooDeepConditions(input: unknown, depthErrors: PointedError[]): unknown {
  const tooDeep = new Set(depthErrors.map((error) => Number(error.pointer.split('/')[2])));
  const rules = rulesOf(input).map((rule, index) =>
    tooDeep.has(index) ? { ...(rule as Record<string, unknown>), when: { all: [] } } : rule,
  );
  return { ...(input as Record<string, unknown>), rules };
}

/** Conditions nested deeper than MAX_CONDITION_DEPTH, found without recursion. */
function findTooDeepConditions(input: unknown): PointedError[] {
  const errors: PointedError[] = [];
  rulesOf(input).forEach((rule, index) => {
    if (typeof rule !== 'object' || rule === null) return;
    const stack: Array<{ node: unknown; at: string; depth: number }> = [
      { node: (rule as { when?: unknown }).when, at: `/rules/${index}/when`, depth: 1 },
    ];
    while (stack.length > 0) {
      const { node, at, depth } = stack.pop()!;
      if (typeof node !== 'object' || node === null) continue;
      if (depth > MAX_CONDITION_DEPTH) {
        errors.push({ pointer: at, message: `conditions are nested more than ${MAX_CONDITION_DEPTH} levels deep` });
        break;
      }
      const group = node as Record<string, unknown>;
      for (const key of ['all', 'any'] as const) {
        const children = group[key];
        if (Array.isArray(children)) children.forEach((child, i) => stack.push({ node: child, at: `${at}/${key}/${i}`, depth: depth + 1 }));
      }
      if ('not' in group) stack.push({ node: group.not, at: `${at}/not`, depth: depth + 1 });
    }
  });
  return errors;
}

const KEY_ORDER: Record<string, number> = {
  name: 0, id: 1, enabled: 2, rules: 3, when: 4, field: 5, op: 6, value: 7, flags: 8,
  then: 9, tier: 10, team: 11, priority: 12, tags: 13, reply: 14, suppress: 15, fallback: 98, locale: 99,
};

/** Orders pointers as an admin reads the document: array items by index, keys in the schema's order. */
function comparePointers(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i]!;
    const y = right[i]!;
    if (x === y) continue;
    const bothNumeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    return bothNumeric ? Number(x) - Number(y) : (KEY_ORDER[x] ?? 50) - (KEY_ORDER[y] ?? 50);
  }
  return left.length - right.length;
}
