import type { Condition, LeafCondition } from '../api/rules.js';

/** What a field holds (routing.md §3), which decides its operators and value inputs. */
export type FieldType = 'text' | 'string' | 'number' | 'boolean' | 'array' | 'instant';

export const FIELDS: Record<string, FieldType> = {
  text: 'text',
  channel: 'string',
  platform: 'string',
  lang: 'string',
  'author.handle': 'string',
  'author.followers': 'number',
  'author.verified': 'boolean',
  'customer.vip': 'boolean',
  'customer.tags': 'array',
  detected: 'array',
  'attachments.count': 'number',
  createdAt: 'instant',
};

/** The operators routing.md allows on each kind of field. */
export const OPERATORS: Record<FieldType, string[]> = {
  text: ['containsAny', 'containsAll', 'matches', 'eq', 'neq', 'in'],
  string: ['eq', 'neq', 'in', 'matches', 'exists'],
  number: ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'],
  boolean: ['eq', 'neq', 'exists'],
  array: ['containsAny', 'containsAll', 'exists'],
  instant: ['within'],
};

/** How a value is entered for a field type and operator. */
export type ValueKind = 'string' | 'number' | 'boolean' | 'list' | 'range' | 'regex' | 'within';

/** The input a leaf's value needs. */
export function valueKind(type: FieldType, op: string): ValueKind {
  if (op === 'exists') return 'boolean';
  if (op === 'in' || op === 'containsAny' || op === 'containsAll') return 'list';
  if (op === 'between') return 'range';
  if (op === 'matches') return 'regex';
  if (op === 'within') return 'within';
  if (type === 'number') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'string';
}

/** A sensible starting value when the field or operator changes. */
export function defaultValue(kind: ValueKind): unknown {
  switch (kind) {
    case 'string': return '';
    case 'number': return 0;
    case 'boolean': return true;
    case 'list': return [];
    case 'range': return [0, 100];
    case 'regex': return '';
    case 'within': return { tz: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' };
  }
}

/** The type of a field, `string` for names the contract does not know (the server reports those). */
export function fieldType(field: string): FieldType {
  return FIELDS[field] ?? 'string';
}

/** A leaf with a field, keeping the operator when the field allows it. */
export function withField(leaf: LeafCondition, field: string): LeafCondition {
  const type = fieldType(field);
  const op = OPERATORS[type].includes(leaf.op) ? leaf.op : OPERATORS[type][0]!;
  const kind = valueKind(type, op);
  const sameKind = kind === valueKind(fieldType(leaf.field), leaf.op);
  return { field, op, value: sameKind ? leaf.value : defaultValue(kind) };
}

/** A leaf with an operator, resetting the value when it needs another kind of input. */
export function withOperator(leaf: LeafCondition, op: string): LeafCondition {
  const type = fieldType(leaf.field);
  const kind = valueKind(type, op);
  const sameKind = kind === valueKind(type, leaf.op);
  const next: LeafCondition = { field: leaf.field, op, value: sameKind ? leaf.value : defaultValue(kind) };
  if (op === 'matches' && leaf.flags) next.flags = leaf.flags;
  return next;
}

/** Whether a condition is a leaf (field, op, value). */
export function isLeaf(condition: Condition): condition is LeafCondition {
  return 'field' in condition;
}

/** A one-line reading of a condition, for the rule list. */
export function describeCondition(condition: Condition): string {
  if ('all' in condition) return condition.all.length === 0 ? 'always' : condition.all.map(describeNested).join(' and ');
  if ('any' in condition) return condition.any.length === 0 ? 'never' : condition.any.map(describeNested).join(' or ');
  if ('not' in condition) return `not ${describeNested(condition.not)}`;
  return `${condition.field} ${condition.op} ${describeValue(condition.value)}${condition.flags ? ` /${condition.flags}` : ''}`;
}

function describeNested(condition: Condition): string {
  const text = describeCondition(condition);
  return isLeaf(condition) || 'not' in condition ? text : `(${text})`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const within = value as { tz?: string; days?: string[]; from?: string; to?: string };
    return `${(within.days ?? []).join(',')} ${within.from ?? ''}–${within.to ?? ''} ${within.tz ?? ''}`.trim();
  }
  return JSON.stringify(value);
}
