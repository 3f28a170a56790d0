import { update as applyModifier } from 'mingo';
import { MingoError } from 'mingo/util';
import { StoreValidationError, UnsafeQueryError } from './errors.js';
import { applySimpleUpdate } from './simpleUpdate.js';
import { isPlainObject } from './validate.js';

/** The update operators the store applies (the same way on both backends: mingo computes the new document). */
export interface Update<T> {
  $set?: Partial<T> & Record<string, unknown>;
  $unset?: Record<string, '' | 1 | true>;
  $inc?: Record<string, number>;
  $min?: Record<string, unknown>;
  $max?: Record<string, unknown>;
  $push?: Record<string, unknown>;
  $addToSet?: Record<string, unknown>;
  $pull?: Record<string, unknown>;
}

/** An update used by upsertOne, which may also say what to set only when it inserts. */
export interface UpsertUpdate<T> extends Update<T> {
  $setOnInsert?: Partial<T> & Record<string, unknown>;
}

const OPERATORS = new Set(['$set', '$unset', '$inc', '$min', '$max', '$push', '$addToSet', '$pull']);
const PROTECTED_PATHS = new Set(['_id', '_rev']);

/** Throws unless the update only uses known operators on ordinary field paths (never `_id` or `_rev`, no positional `$`). */
export function assertSafeUpdate(update: Record<string, unknown>, allowed: ReadonlySet<string> = OPERATORS): void {
  const operators = Object.keys(update);
  if (operators.length === 0) throw new UnsafeQueryError('update has no operator');
  for (const operator of operators) {
    if (!allowed.has(operator)) throw new UnsafeQueryError(`update operator ${operator} is not supported (use ${[...allowed].join(', ')})`);
    const fields = update[operator];
    if (!isPlainObject(fields)) throw new UnsafeQueryError(`${operator} must be an object of field paths`);
    for (const path of Object.keys(fields)) {
      if (PROTECTED_PATHS.has(path.split('.')[0]!) || path.includes('$') || path === '') throw new UnsafeQueryError(`${operator}: path "${path}" cannot be updated`);
    }
    if (operator === '$inc' && Object.values(fields).some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
      throw new UnsafeQueryError('$inc values must be finite numbers');
    }
  }
}

/** Applies the update operators to a record in place (MongoDB semantics, by mingo, or as mingo does for the simplest updates); returns the paths it changed. */
export function applyUpdate(collection: string, record: Record<string, unknown>, update: Record<string, unknown>): string[] {
  const changed = applySimpleUpdate(record, update);
  if (changed) return changed;
  try {
    return applyModifier(record, update, undefined, undefined, { cloneMode: 'deep', queryOptions: { scriptEnabled: false } });
  } catch (error) {
    if (error instanceof MingoError) {
      throw new StoreValidationError(collection, [{ path: '(update)', kind: 'update', message: error.message }]);
    }
    throw error;
  }
}

/** The operators upsertOne accepts: the update operators plus $setOnInsert. */
export const UPSERT_OPERATORS: ReadonlySet<string> = new Set([...OPERATORS, '$setOnInsert']);
