import type { FieldType } from './fields.js';

/** Operators of routing.md §3 and the field types each accepts. */
export const OPERATOR_FIELD_TYPES: Record<string, readonly FieldType[]> = {
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
};

/** Fields an operator is further restricted from, beyond their type. */
export const OPERATOR_EXCLUDED_FIELDS: Record<string, readonly string[]> = {
  exists: ['text'],
  containsAny: ['channel', 'platform', 'lang', 'author.handle'],
  containsAll: ['channel', 'platform', 'lang', 'author.handle'],
};

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const MAX_CONDITION_DEPTH = 32;
