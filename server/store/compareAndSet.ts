import { setTimeout as sleep } from 'node:timers/promises';
import { withTieBreak, type CollectionContext } from './context.js';
import { identifyDuplicate } from './duplicates.js';
import { cloneRecord } from './plainData.js';
import { DuplicateKeyError, WriteConflictError } from './errors.js';
import type { Filter, SortSpec, StoredRecord } from './port.js';
import { applyUpdate } from './updates.js';
import { validateRecord } from './validate.js';

// Enough for dozens of writers on one document when each write is a few round trips to a slow server (FerretDB).
const MAX_ATTEMPTS = 50;

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
    const replacement = await replacementFor(context, current, update);
    if (!replacement) return { before: current, after: current, modified: false };
    const outcome = await context.backend.replaceRevision(current._id, current._rev ?? 0, replacement);
    if (outcome === 'replaced') return { before: current, after: replacement, modified: true };
    if (outcome === 'duplicate') throw new DuplicateKeyError(await identifyDuplicate(context, replacement, true));
    await sleep(Math.random() * Math.min(100, attempt * 5));
  }
  throw new WriteConflictError(context.name, MAX_ATTEMPTS);
}

/**
 * updateFirstMatch for several documents by id (each also matching
 * `within`, e.g. a team scope), with one read and one backend write for all:
 * each is read, updated and validated as above, then all the compare-and-set
 * replaces go in one replaceRevisions. A replace that lost its race (or a
 * second update of the same id) is then done alone by updateFirstMatch,
 * with its retries. One result per update, in order: null when the document
 * is missing or does not hold its `expect`ed values. If a replace breaks a unique index, that document keeps its
 * old version, the others are still written, then DuplicateKeyError.
 */
export async function updateEach(context: CollectionContext, updates: ReadonlyArray<{ id: string; update: Record<string, unknown>; expect?: Record<string, unknown> }>, within: Filter): Promise<Array<UpdatedRecord | null>> {
  if (updates.length === 0) return [];
  const found = await context.backend.find({ ...within, _id: { $in: [...new Set(updates.map((item) => item.id))] } }, { sort: { _id: 1 } });
  const currentById = new Map(found.map((record) => [record._id, record]));
  const results: Array<UpdatedRecord | null | undefined> = updates.map(() => undefined);
  const writes: Array<{ index: number; current: StoredRecord; replacement: StoredRecord }> = [];
  const written = new Set<string>();
  for (const [index, { id, update, expect }] of updates.entries()) {
    const current = currentById.get(id);
    if (!current || !holds(current, expect)) results[index] = null;
    if (!current || !holds(current, expect) || written.has(id)) continue;
    const replacement = await replacementFor(context, current, update);
    if (replacement) writes.push({ index, current, replacement });
    else results[index] = { before: current, after: current, modified: false };
    if (replacement) written.add(id);
  }
  const outcomes = await context.backend.replaceRevisions(writes.map(({ current, replacement }) => ({ id: current._id, revision: current._rev ?? 0, record: replacement })));
  let refused: StoredRecord | undefined;
  writes.forEach(({ index, current, replacement }, at) => {
    if (outcomes[at] === 'replaced') results[index] = { before: current, after: replacement, modified: true };
    if (outcomes[at] === 'duplicate') [refused, results[index]] = [refused ?? replacement, { before: current, after: current, modified: false }];
  });
  for (const [index, { id, update, expect }] of updates.entries()) {
    if (results[index] === undefined) results[index] = await updateFirstMatch(context, { ...within, ...expect, _id: id }, update);
  }
  if (refused) throw new DuplicateKeyError(await identifyDuplicate(context, refused, true));
  return results as Array<UpdatedRecord | null>;
}

/** Whether the record holds each expected field's value as it is. */
function holds(record: StoredRecord, expect: Record<string, unknown> | undefined): boolean {
  return !expect || Object.entries(expect).every(([field, value]) => (record[field] ?? null) === value);
}

/** The validated record that applying the update to `current` makes, at the next revision; null when the update changes nothing. */
async function replacementFor(context: CollectionContext, current: StoredRecord, update: Record<string, unknown>): Promise<StoredRecord | null> {
  const next = cloneRecord(current);
  const changed = applyUpdate(context.name, next, update);
  if (changed.length === 0) return null;
  if (context.touchesUpdatedAt && !changed.includes('updatedAt')) next.updatedAt = new Date();
  const replacement = await validateRecord(context.name, context.model, next);
  replacement._rev = (current._rev ?? 0) + 1;
  return replacement;
}
