import nedbModule from '@seald-io/nedb';
import { createRequire } from 'node:module';
import type { Schema } from 'mongoose';
import { logger } from '../../logger.js';
import { DataDirError } from '../errors.js';
import type { StoredRecord } from '../port.js';
import type { IndexedDatastore, NedbIndex } from './candidates.js';
import { datafileLine } from './datafileLines.js';
import { dropTornTail } from './datafileRepair.js';
import { DatafileSync, type OpenDatafile } from './datafileSync.js';
import { EqualityIndexes, indexPrefixes } from './equalityIndexes.js';
import { NedbCollection, type NedbDatastore } from './nedbCollection.js';
import { nedbIndexesFor, nedbIndexName } from './nedbIndexes.js';

/** nedb's comparison of index keys (values of any type), from its model module (untyped). */
const { compareThings } = createRequire(import.meta.url)('@seald-io/nedb/lib/model.js') as { compareThings(a: unknown, b: unknown): number };

// The typings declare an ES default export, but the package is CommonJS (`module.exports = Datastore`): under NodeNext the default import is the class itself.
const Datastore = nedbModule as unknown as typeof nedbModule.default;

/**
 * Opens a collection's datafile: drops a torn last line, loads it (refusing
 * any other corrupt line: corruptAlertThreshold 0), then makes nedb's indexes
 * exactly the ones the schema implies (a unique index the existing data
 * breaks is an error, not a silent skip), and builds the equality indexes.
 */
export async function openNedbCollection(file: string, name: string, schema: Schema, options: { compactAfterLines?: number } = {}): Promise<NedbCollection> {
  const dropped = await dropTornTail(file);
  if (dropped > 0) logger.warn({ file, bytes: dropped }, 'embedded store: dropped a partial last line (a write cut off by a crash, never acknowledged)');
  const datastore: NedbDatastore = new Datastore<StoredRecord>({ filename: file, corruptAlertThreshold: 0 });
  try {
    await datastore.loadDatabaseAsync();
    await matchIndexes(datastore, schema);
    compareCompoundKeysByField(datastore as unknown as IndexedDatastore);
  } catch (error) {
    throw new DataDirError(`${file} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const durable = new DatafileSync(file, undefined, (datastore as unknown as { persistence: { modes: { fileMode: number } } }).persistence.modes.fileMode);
  appendWithFastLines(datastore, durable.datafile);
  const equality = new EqualityIndexes(indexPrefixes(schema));
  for (const record of datastore.getAllData()) equality.add(record);
  followIdIndex((datastore as unknown as IndexedDatastore).indexes._id, equality);
  // Emitted at the end of the compaction task, before nedb runs the next write (which then appends to the new file).
  datastore.on('compaction.done', () => durable.fileReplaced());
  const onCompactionError = (error: unknown) => logger.error({ err: error, file }, 'embedded store: compaction failed (writes go on appending)');
  return new NedbCollection(name, datastore, equality, durable, datastore.getAllData().length, onCompactionError, options.compactAfterLines);
}

/**
 * nedb compares the keys of a compound index with compareThings, which sorts
 * both keys' field names on every comparison (allocating two arrays; 5% of
 * the ingest bench, mostly messages' platform + externalId). A key always
 * has exactly the index's fields, so comparing them in sorted order, sorted
 * once, gives the same results: each compound index's tree is rebuilt with
 * that comparison.
 */
function compareCompoundKeysByField(datastore: IndexedDatastore): void {
  for (const [name, index] of Object.entries(datastore.indexes)) {
    if (!index || !name.includes(',')) continue;
    (index as unknown as { treeOptions: { compareKeys: typeof compareThings } }).treeOptions.compareKeys = compoundKeyComparison(name.split(','));
    index.reset(datastore.getAllData());
  }
}

/** compareThings for two keys of a compound index on these fields (objects holding exactly those fields), without sorting their names each time. */
export function compoundKeyComparison(fields: readonly string[]): (a: unknown, b: unknown) => number {
  const sorted = [...fields].sort();
  return (a, b) => {
    for (const field of sorted) {
      const order = compareThings((a as Record<string, unknown>)[field], (b as Record<string, unknown>)[field]);
      if (order !== 0) return order;
    }
    return 0;
  };
}

/**
 * nedb appends every write through `persistence.persistNewStateAsync`
 * (inserts, updates, removals, index changes): the same append, through the
 * kept-open datafile, with the lines made by datafileLine (byte for byte
 * what nedb's serializer makes); `appendLines` appends lines already made
 * (NedbCollection's own inserts and replaces).
 */
function appendWithFastLines(datastore: NedbDatastore, datafile: OpenDatafile): void {
  const persistence = (datastore as unknown as { persistence: { persistNewStateAsync(records: object[]): Promise<void>; appendLines(lines: string[]): Promise<void> } }).persistence;
  persistence.appendLines = async (lines) => {
    if (lines.length > 0) await datafile.append(`${lines.join('\n')}\n`);
  };
  persistence.persistNewStateAsync = (records) => persistence.appendLines(records.map(datafileLine));
}

/**
 * Keeps the equality indexes in step with nedb's memory: every record nedb
 * adds, replaces or drops passes through its `_id` index (inserts, removals,
 * updates as remove + insert, and the rollbacks of all three, one record at a
 * time), so following that index's insert/remove/reset follows everything,
 * synchronously and with nedb's own record objects.
 */
function followIdIndex(idIndex: NedbIndex, equality: EqualityIndexes): void {
  const insert = idIndex.insert.bind(idIndex);
  const remove = idIndex.remove.bind(idIndex);
  const reset = idIndex.reset.bind(idIndex);
  // An array is handed on record by record through these same (own) properties, so only single records are mirrored.
  idIndex.insert = (record) => {
    insert(record);
    if (!Array.isArray(record)) equality.add(record);
  };
  idIndex.remove = (record) => {
    remove(record);
    if (!Array.isArray(record)) equality.remove(record);
  };
  idIndex.reset = (records) => {
    equality.clear();
    reset(records);
  };
}

async function matchIndexes(datastore: NedbDatastore, schema: Schema): Promise<void> {
  const wanted = nedbIndexesFor(schema);
  const existing = (datastore as unknown as IndexedDatastore).indexes;
  const wantedNames = new Map(wanted.map((spec) => [nedbIndexName(spec.fieldName), spec]));
  for (const name of Object.keys(existing)) {
    const spec = wantedNames.get(name);
    const current = existing[name] as unknown as { unique: boolean; sparse: boolean };
    if (name !== '_id' && (!spec || spec.unique !== current.unique || spec.sparse !== current.sparse)) await datastore.removeIndexAsync(name);
  }
  for (const spec of wanted) await datastore.ensureIndexAsync(spec);
}
