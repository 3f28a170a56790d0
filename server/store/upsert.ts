import { updateFirstMatch } from './compareAndSet.js';
import { prepareInsert, type CollectionContext } from './context.js';
import { WriteConflictError } from './errors.js';
import type { Filter, StoredRecord } from './port.js';
import { applyUpdate } from './updates.js';
import { isPlainObject } from './validate.js';

const MAX_ATTEMPTS = 10;

/**
 * Update-or-insert, written once for both backends: update the first match;
 * if there is none, insert the filter's equality fields with the update (and
 * `$setOnInsert`) applied. If that insert collides with a unique index,
 * another writer inserted first, so try the update again.
 */
export async function upsertRecord(context: CollectionContext, filter: Filter, update: Record<string, unknown>): Promise<{ document: StoredRecord; upserted: boolean }> {
  const { $setOnInsert, ...onMatch } = update;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    if (Object.keys(onMatch).length > 0) {
      const updated = await updateFirstMatch(context, filter, onMatch);
      if (updated) return { document: updated.after, upserted: false };
    } else {
      const [existing] = await context.backend.find(filter, { sort: { _id: 1 }, limit: 1 });
      if (existing) return { document: existing, upserted: false };
    }
    const seed: Record<string, unknown> = {};
    const equalities = equalityFields(filter);
    if (Object.keys(equalities).length > 0) applyUpdate(context.name, seed, { $set: equalities });
    if (Object.keys(onMatch).length > 0) applyUpdate(context.name, seed, onMatch);
    if ($setOnInsert) applyUpdate(context.name, seed, { $set: $setOnInsert });
    const record = await prepareInsert(context, seed);
    const [outcome] = await context.backend.insertMany([record]);
    if (outcome === 'inserted') return { document: record, upserted: true };
  }
  throw new WriteConflictError(context.name, MAX_ATTEMPTS);
}

/** The `field: value` and `field: { $eq: value }` conditions of a filter's top level, which an upserted document starts from. */
function equalityFields(filter: Filter): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, condition] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    if (isPlainObject(condition) && Object.keys(condition).some((operator) => operator.startsWith('$'))) {
      if ('$eq' in condition) fields[key] = condition.$eq;
    } else fields[key] = condition;
  }
  return fields;
}
