import type { StoredRecord } from '../port.js';
import { isPlainObject } from '../validate.js';
import { isScalar, type EqualityIndexes, type ScalarValue } from './equalityIndexes.js';

/** The part of a nedb index the store uses (nedb's own query planner uses it the same way). */
export interface NedbIndex {
  readonly unique: boolean;
  getMatching(value: unknown): StoredRecord[];
  insert(record: StoredRecord | StoredRecord[]): void;
  remove(record: StoredRecord | StoredRecord[]): void;
  reset(records?: StoredRecord | StoredRecord[]): void;
}

/** The nedb datastore internals the store reads: its indexes and its in-memory records. */
export interface IndexedDatastore {
  readonly indexes: Record<string, NedbIndex | undefined> & { _id: NedbIndex };
  getAllData(): StoredRecord[];
}

/** The records a filter can match; `exact` when they are exactly its matches (the lookup used every condition of the filter). */
export interface Candidates {
  records: StoredRecord[];
  exact: boolean;
}

/**
 * The records a filter can match: by nedb's `_id` index when the filter's
 * top level has an equality (or `$in`) on `_id`, else by the equality index
 * prefix that narrows most (equalityIndexes.ts), else every record. Always a
 * superset of the matches; when the lookup consumed every condition, exactly
 * the matches, and the caller may skip testing them (mingo's `$in` costs
 * about 30 µs per record against 500 values).
 * The records are nedb's own objects: read them, never change them.
 */
export function candidatesFor(datastore: IndexedDatastore, equality: EqualityIndexes, filter: Record<string, unknown>): Candidates {
  const equalities = new Map<string, ScalarValue | ScalarValue[]>();
  const conditions = Object.keys(filter).length;
  for (const [field, condition] of Object.entries(filter)) {
    const value = narrowingValue(condition);
    if (!field.startsWith('$') && value !== undefined) equalities.set(field, value);
  }
  if (equalities.size === 0) return { records: datastore.getAllData(), exact: conditions === 0 };
  if (equalities.has('_id')) return { records: datastore.indexes._id.getMatching(equalities.get('_id')), exact: conditions === 1 };
  const found = equality.lookup(equalities);
  if (!found) return { records: datastore.getAllData(), exact: false };
  return { records: found.records, exact: found.fields.length === conditions };
}

/** The value (or `$in` list) an index can be asked for, if the condition is an equality on scalars. */
function narrowingValue(condition: unknown): ScalarValue | ScalarValue[] | undefined {
  if (isScalar(condition)) return condition;
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  if (operators[0] === '$eq' && isScalar(condition.$eq)) return condition.$eq;
  if (operators[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isScalar)) return condition.$in;
  return undefined;
}
