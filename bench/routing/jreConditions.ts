import type { Engine, TopLevelCondition } from 'json-rules-engine';
import type { Condition, LeafCondition } from '../../server/routing/types.js';
import { hasKeyword, normalizeKeyword, type TokenizedText } from './keywordFacts.js';

/**
 * Translation of our conditions to json-rules-engine conditions, with the
 * custom operators it needs. Facts are named after our fields; `text` keyword
 * tests read the pre-tokenized fact `textTokens`.
 */

/** Any condition below the root (the package does not export this type). */
type NestedCondition = Extract<TopLevelCondition, { all: unknown }>['all'][number];

// author.handle is left out: its eq also ignores a leading '@', which the benchmark does not need.
const STRING_FIELDS = new Set(['channel', 'platform', 'lang']);
const NUMBER_OPS: Record<string, string> = { gt: 'greaterThan', gte: 'greaterThanInclusive', lt: 'lessThan', lte: 'lessThanInclusive' };
// Values are kept as single strings and parsed once into these caches: the
// engine deep-clones every rule's conditions on every evaluation, and cloning a
// string is free while cloning an array is not (about 25% of its time here).
const regexCache = new Map<string, RegExp>();
const listCache = new Map<string, string[]>();

/** Registers the operators the translation uses. */
export function addBenchOperators(engine: Engine): void {
  engine.addOperator<unknown, string>('equalsIgnoringCase', (fact, value) => typeof fact === 'string' && fold(fact) === fold(value));
  engine.addOperator<TokenizedText, string>('containsAnyKeyword', (fact, keywords) => keywordList(keywords).some((k) => hasKeyword(fact, k)));
  engine.addOperator<TokenizedText, string>('containsAllKeywords', (fact, keywords) => keywordList(keywords).every((k) => hasKeyword(fact, k)));
  engine.addOperator<unknown, string>('matchesRegex', (fact, literal) => typeof fact === 'string' && compiled(literal).test(fact));
}

/** A rule's `when` as a json-rules-engine top-level condition (the engine wants all/any/not at the root). */
export function toEngineConditions(when: Condition): TopLevelCondition {
  const translated = translate(when);
  return 'all' in translated || 'any' in translated || 'not' in translated ? translated : { all: [translated] };
}

function translate(condition: Condition): NestedCondition {
  if ('all' in condition) return { all: condition.all.map(translate) };
  // The engine calls an empty `any` true; ours is false.
  if ('any' in condition) return condition.any.length === 0 ? { not: { all: [] } } : { any: condition.any.map(translate) };
  if ('not' in condition) return { not: translate(condition.not) };
  return translateLeaf(condition);
}

function translateLeaf({ field, op, value, flags }: LeafCondition): NestedCondition {
  if (field === 'text' && (op === 'containsAny' || op === 'containsAll')) {
    const keywords = (value as string[]).map(normalizeKeyword).join('|');
    return { fact: 'textTokens', operator: op === 'containsAny' ? 'containsAnyKeyword' : 'containsAllKeywords', value: keywords };
  }
  if (op === 'matches') return { fact: field, operator: 'matchesRegex', value: `/${value as string}/${flags ?? ''}` };
  if (op === 'eq' && STRING_FIELDS.has(field)) return { fact: field, operator: 'equalsIgnoringCase', value };
  if (op === 'eq' && (field === 'author.verified' || field === 'customer.vip')) return { fact: field, operator: 'equal', value };
  const numberOp = NUMBER_OPS[op];
  if (numberOp && (field === 'author.followers' || field === 'attachments.count')) return { fact: field, operator: numberOp, value };
  throw new Error(`the benchmark translation does not cover ${field} ${op}`);
}

/** The normalized keywords of a '|'-joined list ('|' is never inside a token). */
function keywordList(joined: string): string[] {
  let list = listCache.get(joined);
  if (!list) {
    list = joined.split('|');
    listCache.set(joined, list);
  }
  return list;
}

/** The RegExp of a `/source/flags` literal. */
function compiled(literal: string): RegExp {
  let regex = regexCache.get(literal);
  if (!regex) {
    const end = literal.lastIndexOf('/');
    regex = new RegExp(literal.slice(1, end), literal.slice(end + 1));
    regexCache.set(literal, regex);
  }
  return regex;
}

function fold(text: string): string {
  return text.toLowerCase();
}
