import type { StoredRecord } from '../port.js';
import { isPlainObject } from '../validate.js';

/** The part of a nedb index the store uses (nedb's own query planner uses it the same way). */
interface NedbIndex {
  readonly unique: boolean;
  getMatching(value: unknown): StoredRecord[];
}

/** The nedb datastore internals the store reads: its indexes and its in-memory records. */
export interface IndexedDatastore {
  readonly indexes: Record<string, NedbIndex | undefined>;
  getAllData(): StoredRecord[];
}

/**
 * The records a filter can match, narrowed by a nedb index when the filter's
 * top level has an equality (or `$in`) on indexed fields: `_id` first, then a
 * compound index whose fields are all given, then unique, then other
 * single-field indexes; otherwise every record. Always a superset of the
 * matches (mingo applies the full filter next); only strings, numbers and
 * booleans narrow, since `null` in MongoDB also matches a missing field.
 * The records are nedb's own objects: read them, never change them.
 */
export function candidatesFor(datastore: IndexedDatastore, filter: Record<string, unknown>): StoredRecord[] {
  const equalities = new Map<string, unknown>();
  for (const [field, condition] of Object.entries(filter)) {
    const value = narrowingValue(condition);
    if (!field.startsWith('$') && value !== undefined) equalities.set(field, value);
  }
  if (equalities.size === 0) return datastore.getAllData();
  const indexNames = Object.keys(datastore.indexes);
  const compound = indexNames.find((name) => name.includes(',') && name.split(',').every((field) => isScalar(equalities.get(field))));
  const single = [...equalities.keys()].filter((field) => datastore.indexes[field]).sort((a, b) => rank(datastore, b) - rank(datastore, a))[0];
  if (single === '_id') return datastore.indexes._id!.getMatching(equalities.get('_id'));
  if (compound) return datastore.indexes[compound]!.getMatching(Object.fromEntries(compound.split(',').map((field) => [field, equalities.get(field)])));
  if (single) return datastore.indexes[single]!.getMatching(equalities.get(single));
  return datastore.getAllData();
}

function rank(datastore: IndexedDatastore, field: string): number {
  if (field === '_id') return 2;
  return datastore.indexes[field]?.unique ? 1 : 0;
}

/** The value (or `$in` list) an index can be asked for, if the condition is an equality on scalars. */
function narrowingValue(condition: unknown): unknown {
  if (isScalar(condition)) return condition;
  if (!isPlainObject(condition)) return undefined;
  const operators = Object.keys(condition);
  if (operators.length !== 1) return undefined;
  if (operators[0] === '$eq' && isScalar(condition.$eq)) return condition.$eq;
  if (operators[0] === '$in' && Array.isArray(condition.$in) && condition.$in.every(isScalar)) return condition.$in;
  return undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}
