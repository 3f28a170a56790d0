import { MAX_CONDITION_DEPTH } from '../routing/operators.js';
import type { RegexSource } from './regexChecker.js';

/**
 * The distinct regular expressions (`matches` leaves that compile) of a rule
 * set, in document order, keyed as regexKey does. Reads conditions as the
 * validator does (all, any, not, leaves) and no deeper than it walks.
 */
export function ruleSetRegexes(input: unknown): Map<string, RegexSource> {
  const found = new Map<string, RegexSource>();
  const rules = isObject(input) && Array.isArray(input.rules) ? input.rules : [];
  for (const rule of rules) if (isObject(rule)) collect(rule.when, 1, found);
  return found;
}

/** The key of an expression: pattern and flags. */
export function regexKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

function collect(condition: unknown, depth: number, found: Map<string, RegexSource>): void {
  if (!isObject(condition) || depth > MAX_CONDITION_DEPTH) return;
  for (const group of ['all', 'any'] as const) {
    if (group in condition) {
      const children = condition[group];
      if (Array.isArray(children)) for (const child of children) collect(child, depth + 1, found);
      return;
    }
  }
  if ('not' in condition) return collect(condition.not, depth + 1, found);
  const regex = compilableRegex(condition);
  if (regex) found.set(regexKey(regex.source, regex.flags), regex);
}

function compilableRegex(leaf: Record<string, unknown>): RegexSource | undefined {
  const { op, value, flags = '' } = leaf;
  if (op !== 'matches' || typeof value !== 'string' || typeof flags !== 'string') return undefined;
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) return undefined;
  try {
    new RegExp(value, flags);
  } catch {
    // The validator reports it; there is nothing to judge.
    return undefined;
  }
  return { source: value, flags };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
