import { FIELD_TYPES, type FieldName, type FieldType } from './fields.js';

// Pure data and functions (no node: imports): the client's rule editor imports this file as a value.

/** Operators of routing.md §3 and the field types each accepts. */
export const OPERATOR_FIELD_TYPES = {
  eq: ['string', 'number', 'boolean'],
  neq: ['string', 'number', 'boolean'],
  in: ['string'],
  gt: ['number'],
  gte: ['number'],
  lt: ['number'],
  lte: ['number'],
  between: ['number'],
  exists: ['string', 'number', 'boolean', 'array'],
  containsAny: ['string', 'array'],
  containsAll: ['string', 'array'],
  matches: ['string'],
  within: ['instant'],
} as const satisfies Record<string, readonly FieldType[]>;

export type Operator = keyof typeof OPERATOR_FIELD_TYPES;

export function isOperator(name: string): name is Operator {
  return Object.hasOwn(OPERATOR_FIELD_TYPES, name);
}

/** Fields an operator is further restricted from, beyond their type. */
export const OPERATOR_EXCLUDED_FIELDS: Partial<Record<Operator, readonly FieldName[]>> = {
  exists: ['text'],
  containsAny: ['channel', 'platform', 'kind', 'lang', 'author.handle'],
  containsAll: ['channel', 'platform', 'kind', 'lang', 'author.handle'],
};

/** Whether an operator applies to a field. */
export function operatorFits(op: Operator, field: FieldName): boolean {
  const types: readonly FieldType[] = OPERATOR_FIELD_TYPES[op];
  return types.includes(FIELD_TYPES[field]) && !(OPERATOR_EXCLUDED_FIELDS[op] ?? []).includes(field);
}

/** The operators that apply to a field, in the order of OPERATOR_FIELD_TYPES. */
export function operatorsFor(field: FieldName): Operator[] {
  return (Object.keys(OPERATOR_FIELD_TYPES) as Operator[]).filter((op) => operatorFits(op, field));
}

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const MAX_CONDITION_DEPTH = 32;
