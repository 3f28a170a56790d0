import { setTimeout as sleep } from 'node:timers/promises';
import { withTieBreak, type CollectionContext } from './context.js';
import { identifyDuplicate } from './duplicates.js';
import { DuplicateKeyError, WriteConflictError } from './errors.js';
import type { Filter, SortSpec, StoredRecord } from './port.js';
import { applyUpdate } from './updates.js';
import { validateRecord } from './validate.js';

const MAX_ATTEMPTS = 20;

/** The document before and after an update of the first match; `modified` false when the update changed nothing (nothing written). */
export interface UpdatedRecord {
  before: StoredRecord;
  after: StoredRecord;
  modified: boolean;
}

/**
 * Updates the first record matching the filter (in `sort` order), the same
 * way on both backends: read it, apply the operators with mingo, validate the
 * whole new document with the schema, and replace it only if its `_rev` has
 * not moved (compare-and-set). If another writer got there first, read again
 * and retry, so concurrent `$inc`s are never lost; a filter that stops
 * matching (e.g. a stale `version`) makes it return null, which is how
 * optimistic concurrency surfaces. Null when nothing matches.
 */
export async function updateFirstMatch(context: CollectionContext, filter: Filter, update: Record<string, unknown>, sort?: SortSpec): Promise<UpdatedRecord | null> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const [current] = await context.backend.find(filter, { sort: withTieBreak(sort), limit: 1 });
    if (!current) return null;
    const next = structuredClone(current);
    const changed = applyUpdate(context.name, next, update);
    if (changed.length === 0) return { before: current, after: current, modified: false };
    if (context.touchesUpdatedAt && !changed.includes('updatedAt')) next.updatedAt = new Date();
    const revision = current._rev ?? 0;
    const replacement = await validateRecord(context.name, context.model, next);
    replacement._rev = revision + 1;
    const outcome = await context.backend.replaceRevision(current._id, revision, replacement);
    if (outcome === 'replaced') return { before: current, after: replacement, modified: true };
    if (outcome === 'duplicate') throw new DuplicateKeyError(await identifyDuplicate(context, replacement, true));
    await sleep(Math.random() * Math.min(50, attempt * 2));
  }
  throw new WriteConflictError(context.name, MAX_ATTEMPTS);
}
