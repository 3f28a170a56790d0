import type { Replacement, ReplaceOutcome, StoredRecord } from '../port.js';
import type { IndexedDatastore } from './candidates.js';
import { datafileLine } from './datafileLines.js';
import type { NedbDatastore } from './nedbCollection.js';
import { copyRecord } from './recordCopy.js';

/**
 * The nedb internals used to insert or replace many records in one task and
 * one append, as nedb's own insert and update do, without their extra copies.
 */
interface NedbInternals extends IndexedDatastore {
  executor: { pushAsync<T>(task: () => Promise<T>): Promise<T> };
  /** All-or-nothing: a unique-index violation takes every record back out, then throws. */
  _insertInCache(records: StoredRecord[]): void;
  /** All-or-nothing: a unique-index violation rolls every pair back, then throws. */
  _updateIndexes(pairs: Array<{ oldDoc: StoredRecord; newDoc: StoredRecord }>): void;
  /** `appendLines` is the store's own (openNedbCollection.ts): appends lines already made by datafileLine. */
  persistence: { appendLines(lines: string[]): Promise<void> };
}

/**
 * Inserts the records as nedb's insert of an array does (all or none, one
 * append), keeping one copy of each (nedb's insert copies each record
 * twice, the second time for a return value). The lines are made first, so
 * a field name nedb refuses changes nothing; a unique index that refuses a
 * record throws nedb's uniqueViolated error, nothing inserted.
 */
export function insertTogether(datastore: NedbDatastore, records: readonly StoredRecord[]): Promise<void> {
  const nedb = datastore as unknown as NedbInternals;
  if (records.some((record) => typeof record._id !== 'string')) throw new Error('a record to insert has no string _id');
  return nedb.executor.pushAsync(async () => {
    const kept = records.map(copyRecord);
    const lines = kept.map(datafileLine);
    nedb._insertInCache(kept);
    await nedb.persistence.appendLines(lines);
  });
}

/**
 * Replaces, in one nedb task, each record still at its revision (a copy of
 * the replacement kept): all swapped in memory together and appended as one
 * write. A record that moved on, is gone, or was already replaced by an
 * earlier entry is 'stale'. A unique index that refuses one of them throws
 * nedb's uniqueViolated error, nothing replaced.
 */
export function replaceTogether(datastore: NedbDatastore, replacements: readonly Replacement[]): Promise<ReplaceOutcome[]> {
  const nedb = datastore as unknown as NedbInternals;
  return nedb.executor.pushAsync(async () => {
    const pairs: Array<{ oldDoc: StoredRecord; newDoc: StoredRecord }> = [];
    const outcomes = replacements.map(({ id, revision, record }): ReplaceOutcome => {
      const [current] = nedb.indexes._id.getMatching(id);
      if (!current || current._rev !== revision || pairs.some((pair) => pair.oldDoc === current)) return 'stale';
      if (record._id !== id) throw new Error(`a replacement cannot change _id (${id} to ${record._id})`);
      pairs.push({ oldDoc: current, newDoc: copyRecord(record) });
      return 'replaced';
    });
    const lines = pairs.map((pair) => datafileLine(pair.newDoc));
    nedb._updateIndexes(pairs);
    await nedb.persistence.appendLines(lines);
    return outcomes;
  });
}
