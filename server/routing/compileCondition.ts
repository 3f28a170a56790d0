import type { MessageContext } from './context.js';
import { foldCase, foldHandle, hasRawField, readBoolean, readNumber, readString, type FieldName } from './fields.js';
import type { KeywordIndex } from './keywordIndex.js';
import type { Condition, LeafCondition, WithinValue } from './types.js';
import { compileWithin } from './within.js';

export type Predicate = (ctx: MessageContext) => boolean;

/** A compiled condition and, when it has one, a set of keyword ids of which at least one must occur for it to be true. */
export interface CompiledCondition {
  test: Predicate;
  requiredKeywords: number[] | null;
}

/** Compiles a (validated) condition into a predicate, registering its text keywords. */
export function compileCondition(condition: Condition, keywords: KeywordIndex): CompiledCondition {
  if ('all' in condition) {
    const children = condition.all.map((child) => compileCondition(child, keywords));
    const tests = children.map((child) => child.test);
    const narrowest = children
      .map((child) => child.requiredKeywords)
      .filter((ids): ids is number[] => ids !== null)
      .sort((a, b) => a.length - b.length)[0];
    return { test: (ctx) => tests.every((test) => test(ctx)), requiredKeywords: narrowest ?? null };
  }
  if ('any' in condition) {
    const children = condition.any.map((child) => compileCondition(child, keywords));
    const tests = children.map((child) => child.test);
    const union = children.every((child) => child.requiredKeywords !== null)
      ? [...new Set(children.flatMap((child) => child.requiredKeywords!))]
      : null;
    return { test: (ctx) => tests.some((test) => test(ctx)), requiredKeywords: union };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not, keywords).test;
    return { test: (ctx) => !inner(ctx), requiredKeywords: null };
  }
  return compileLeaf(condition, keywords);
}

function compileLeaf(leaf: LeafCondition, keywords: KeywordIndex): CompiledCondition {
  const field = leaf.field as FieldName;
  if (field === 'text' && (leaf.op === 'containsAny' || leaf.op === 'containsAll')) {
    const ids = (leaf.value as string[]).map((keyword) => keywords.add(keyword));
    if (leaf.op === 'containsAny') return { test: (ctx) => ids.some((id) => ctx.hasKeyword(id)), requiredKeywords: ids };
    return { test: (ctx) => ids.every((id) => ctx.hasKeyword(id)), requiredKeywords: [ids[0]!] };
  }
  return { test: compileFieldTest(leaf, field), requiredKeywords: null };
}

function compileFieldTest(leaf: LeafCondition, field: FieldName): Predicate {
  const { op, value } = leaf;
  if (op === 'neq') return negate(compileFieldTest({ ...leaf, op: 'eq' }, field));
  if (op === 'exists') {
    const wanted = value as boolean;
    if (field === 'detected') return (ctx) => ctx.detected().size > 0 === wanted;
    return (ctx) => hasRawField(ctx.message, field) === wanted;
  }
  if (op === 'within') {
    const inWindow = compileWithin(value as WithinValue);
    return (ctx) => inWindow(ctx.createdAtMs());
  }
  switch (field) {
    case 'author.followers':
    case 'attachments.count':
      return compileNumberTest(op, value, (ctx) => readNumber(ctx.message, field));
    case 'author.verified':
    case 'customer.vip':
      return (ctx) => readBoolean(ctx.message, field) === value;
    case 'customer.tags':
      return compileSetTest(op, value as string[], (ctx) => ctx.tags());
    case 'detected':
      return compileSetTest(op, value as string[], (ctx) => ctx.detected());
    default:
      return compileStringTest(leaf, field);
  }
}

function negate(test: Predicate): Predicate {
  return (ctx) => !test(ctx);
}

function compileNumberTest(op: string, value: unknown, read: (ctx: MessageContext) => number | undefined): Predicate {
  const [min, max] = Array.isArray(value) ? (value as number[]) : [value as number, value as number];
  const compare: Record<string, (n: number) => boolean> = {
    eq: (n) => n === min,
    gt: (n) => n > min!,
    gte: (n) => n >= min!,
    lt: (n) => n < min!,
    lte: (n) => n <= min!,
    between: (n) => n >= min! && n <= max!,
  };
  const holds = compare[op]!;
  return (ctx) => {
    const n = read(ctx);
    return n !== undefined && holds(n);
  };
}

function compileSetTest(op: string, values: string[], read: (ctx: MessageContext) => Set<string>): Predicate {
  const wanted = values.map(foldCase);
  if (op === 'containsAll') return (ctx) => wanted.every((item) => read(ctx).has(item));
  return (ctx) => wanted.some((item) => read(ctx).has(item));
}

function compileStringTest(leaf: LeafCondition, field: FieldName): Predicate {
  const read = (ctx: MessageContext) => readString(ctx.message, field);
  if (leaf.op === 'matches') {
    const regex = new RegExp(leaf.value as string, leaf.flags ?? '');
    return (ctx) => {
      const text = read(ctx);
      return text !== undefined && regex.test(text);
    };
  }
  const fold = field === 'author.handle' ? foldHandle : foldCase;
  const accepted = new Set((leaf.op === 'in' ? (leaf.value as string[]) : [leaf.value as string]).map(fold));
  return (ctx) => {
    const text = read(ctx);
    return text !== undefined && accepted.has(fold(text));
  };
}
