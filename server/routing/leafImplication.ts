import { foldCase, foldHandle } from './fields.js';
import { minutesOf } from './within.js';
import { keywordImplies as keywordForcesKeyword, parseKeyword } from './keyword.js';
import type { LeafCondition, WithinValue } from './types.js';

/**
 * Why leaf `later` being true forces leaf `earlier` to be true, or null when that
 * cannot be shown. Every "yes" here must be a proof: lint is sound.
 */
export function leafImplies(later: LeafCondition, earlier: LeafCondition): string | null {
  if (later.field !== earlier.field) return null;
  if (isKeywordOp(later.op) && isKeywordOp(earlier.op)) return keywordImplies(later, earlier);
  const laterRange = numericRange(later);
  const earlierRange = numericRange(earlier);
  if (laterRange && earlierRange) {
    return rangeWithin(laterRange, earlierRange) ? `${describe(earlier)} already covers ${describe(later)}` : null;
  }
  if (isStringChoice(later) && isStringChoice(earlier)) {
    return stringsImply(later, earlier);
  }
  if (later.op === 'within' && earlier.op === 'within') return windowImplies(later.value as WithinValue, earlier.value as WithinValue);
  return null;
}

function isStringChoice(leaf: LeafCondition): boolean {
  return (leaf.op === 'eq' && typeof leaf.value === 'string') || leaf.op === 'in';
}

function isKeywordOp(op: string): boolean {
  return op === 'containsAny' || op === 'containsAll';
}

/**
 * Keyword leaves as disjunctions of conjunctions: containsAny = one of its
 * keywords occurs; containsAll = all of them occur.
 */
function keywordImplies(later: LeafCondition, earlier: LeafCondition): string | null {
  const covers = later.field === 'text' ? phraseContains : (a: string, b: string) => foldCase(a) === foldCase(b);
  const laterValues = later.value as string[];
  const earlierValues = earlier.value as string[];
  const laterCases = later.op === 'containsAny' ? laterValues.map((v) => [v]) : [laterValues];
  const holds = laterCases.every((present) =>
    earlier.op === 'containsAny'
      ? earlierValues.some((wanted) => present.some((value) => covers(value, wanted)))
      : earlierValues.every((wanted) => present.some((value) => covers(value, wanted))),
  );
  if (!holds) return null;
  return later.op === 'containsAny' && earlier.op === 'containsAny'
    ? `its ${earlier.field} keywords include all of this rule's`
    : `its ${earlier.field} keywords occur whenever this rule's do`;
}

/** Whether keyword `outer` occurring implies keyword `inner` occurs (see keywordImplies: prefixes, joined tokens, spaceless runs). */
function phraseContains(outer: string, inner: string): boolean {
  const later = parseKeyword(outer);
  const earlier = parseKeyword(inner);
  return later !== null && earlier !== null && keywordForcesKeyword(later, earlier);
}

interface Range {
  min: number;
  minOpen: boolean;
  max: number;
  maxOpen: boolean;
}

function numericRange(leaf: LeafCondition): Range | null {
  const v = leaf.value;
  if (typeof v !== 'number' && !Array.isArray(v)) return null;
  switch (leaf.op) {
    case 'eq': return typeof v === 'number' ? { min: v, minOpen: false, max: v, maxOpen: false } : null;
    case 'gt': return { min: v as number, minOpen: true, max: Infinity, maxOpen: true };
    case 'gte': return { min: v as number, minOpen: false, max: Infinity, maxOpen: true };
    case 'lt': return { min: -Infinity, minOpen: true, max: v as number, maxOpen: true };
    case 'lte': return { min: -Infinity, minOpen: true, max: v as number, maxOpen: false };
    case 'between': {
      const [min, max] = v as number[];
      return { min: min!, minOpen: false, max: max!, maxOpen: false };
    }
    default: return null;
  }
}

function rangeWithin(inner: Range, outer: Range): boolean {
  const lowOk = inner.min > outer.min || (inner.min === outer.min && (!outer.minOpen || inner.minOpen));
  const highOk = inner.max < outer.max || (inner.max === outer.max && (!outer.maxOpen || inner.maxOpen));
  return lowOk && highOk;
}

const SYMBOLS: Record<string, string> = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' };

function describe(leaf: LeafCondition): string {
  if (leaf.op === 'between') return `${leaf.field} between ${JSON.stringify(leaf.value)}`;
  return `${leaf.field} ${SYMBOLS[leaf.op]} ${String(leaf.value)}`;
}

function stringsImply(later: LeafCondition, earlier: LeafCondition): string | null {
  const fold = later.field === 'author.handle' ? foldHandle : foldCase;
  const valuesOf = (leaf: LeafCondition) => (Array.isArray(leaf.value) ? (leaf.value as string[]) : [leaf.value as string]).map(fold);
  const accepted = new Set(valuesOf(earlier));
  return valuesOf(later).every((value) => accepted.has(value)) ? `its ${earlier.field} values include all of this rule's` : null;
}

function windowImplies(later: WithinValue, earlier: WithinValue): string | null {
  const sameZone = later.tz === earlier.tz;
  const daysInside = later.days.every((day) => earlier.days.includes(day));
  const hoursInside = minutesOf(earlier.from) <= minutesOf(later.from) && minutesOf(later.to) <= minutesOf(earlier.to);
  return sameZone && daysInside && hoursInside ? 'its time window contains this rule\'s' : null;
}
