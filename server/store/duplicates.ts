import type { CollectionContext } from './context.js';
import type { DuplicateKey } from './errors.js';
import type { Filter, StoredRecord } from './port.js';

/**
 * Finds which unique index a refused record collided with, and the record
 * already holding that key. Backends only say "duplicate" (SQLite's error
 * names columns, not the index), so this is done once here, by looking each unique key up.
 */
export async function identifyDuplicate(context: CollectionContext, record: StoredRecord, replacing = false): Promise<DuplicateKey> {
  for (const fields of context.uniqueIndexes) {
    const isIdIndex = fields.length === 1 && fields[0] === '_id';
    // A replacement keeps its own _id, so only the other unique indexes can refuse it.
    if (isIdIndex && replacing) continue;
    const key: Record<string, unknown> = {};
    for (const field of fields) key[field] = valueAt(record, field) ?? null;
    const filter: Filter = { ...key };
    if (!isIdIndex) filter._id = { $ne: record._id };
    const [holder] = await context.backend.find(filter, { sort: { _id: 1 }, limit: 1, projection: { _id: 1 } });
    if (holder) return { collection: context.name, fields, key, existingId: holder._id };
  }
  return { collection: context.name, fields: [], key: {}, existingId: null };
}

/** The value at a dotted path of a record (undefined where the path ends early). */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
