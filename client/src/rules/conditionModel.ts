import type { Condition, LeafCondition } from '../api/rules.js';
// The router's field and operator tables, imported as values: both files are pure data and functions (no node: imports), so the editor and the server cannot drift.
import { FIELD_TYPES, isFieldName, type FieldName, type FieldType } from '../../../server/routing/fields.js';
import { isOperator, OPERATOR_FIELD_TYPES, operatorsFor as fittingOperators, type Operator } from '../../../server/routing/operators.js';

/** What a field holds (routing.md §3), which decides its operators and value inputs: the router's own table. */
export type { FieldName, FieldType, Operator };

/** The fields a condition can test, in the router's order. */
export const FIELD_NAMES = Object.keys(FIELD_TYPES) as FieldName[];

interface FieldPresentation {
  /** What the field holds, as the field picker's tooltip says it. */
  hint: string;
  /** Operators the editor offers first for this field (the first is the one a leaf gets on switching to it); the rest follow in OPERATOR_ORDER. */
  lead?: readonly Operator[];
}

/**
 * How the editor presents each field the router can test. Keyed by the
 * server's field names, so a field added there is a type error here until it
 * has an entry; which operators apply comes from the server (operators.ts).
 */
const FIELD_PRESENTATION: Record<FieldName, FieldPresentation> = {
  text: { hint: 'The message text; keywords and phrases match whole words, case-insensitively (end a keyword with * to match any ending: refund* matches refunded)', lead: ['containsAny', 'containsAll', 'matches'] },
  channel: { hint: 'public or dm' },
  platform: { hint: 'The network the message came from, e.g. x' },
  kind: { hint: 'What the post is: post, reply, quote, repost or dm (set by the connector; else dm on the DM channel, reply when it answers a post, post)' },
  lang: { hint: 'The language code of the message, when the network gives one' },
  'author.handle': { hint: "The author's handle (compared without a leading @)" },
  'author.followers': { hint: "The author's follower count, when known" },
  'author.verified': { hint: 'Whether the author is verified (absent means false)' },
  'customer.vip': { hint: 'Whether the customer is a VIP (absent means false)' },
  'customer.tags': { hint: "The customer's tags" },
  detected: { hint: 'What the detectors found in the text: email, phone, card' },
  'attachments.count': { hint: 'How many attachments the message has' },
  createdAt: { hint: 'When the message was written, tested against a weekly window' },
};

/** The order the editor lists operators in (after a field's lead ones); every operator of the server has a place. */
const OPERATOR_ORDER = {
  eq: 0, neq: 1, in: 2, gt: 3, gte: 4, lt: 5, lte: 6, between: 7, matches: 8, containsAny: 9, containsAll: 10, exists: 11, within: 12,
} satisfies Record<Operator, number>;

/** The tooltip of a field in the picker ('' for names the router does not know). */
export function fieldHint(field: string): string {
  return isFieldName(field) ? FIELD_PRESENTATION[field].hint : '';
}

/** The type of a field, `string` for names the contract does not know (the server reports those). */
export function fieldType(field: string): FieldType {
  return isFieldName(field) ? FIELD_TYPES[field] : 'string';
}

/**
 * The operators routing.md allows on a field, as the editor lists them. For a
 * name the router does not know, the operators a string field may take (the
 * server reports the name).
 */
export function operatorsFor(field: string): Operator[] {
  const fitting = isFieldName(field)
    ? fittingOperators(field)
    : (Object.keys(OPERATOR_FIELD_TYPES) as Operator[]).filter((op) => (OPERATOR_FIELD_TYPES[op] as readonly FieldType[]).includes('string'));
  const lead = isFieldName(field) ? (FIELD_PRESENTATION[field].lead ?? []).filter((op) => fitting.includes(op)) : [];
  const rest = fitting.filter((op) => !lead.includes(op)).sort((a, b) => OPERATOR_ORDER[a] - OPERATOR_ORDER[b]);
  return [...lead, ...rest];
}

/** Whether the editor offers an operator for a field. */
export function offersOperator(field: string, op: string): boolean {
  return isOperator(op) && operatorsFor(field).includes(op);
}

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

/** A leaf with a field, keeping the operator when the field allows it. */
export function withField(leaf: LeafCondition, field: string): LeafCondition {
  const type = fieldType(field);
  const op = offersOperator(field, leaf.op) ? leaf.op : operatorsFor(field)[0]!;
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
