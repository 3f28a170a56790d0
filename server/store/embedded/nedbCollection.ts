import { Query } from 'mingo';
import type { BackendFindOptions, CollectionBackend, Filter, InsertOutcome, PipelineStage, Replacement, ReplaceOutcome, StoredRecord } from '../port.js';
import { candidatesFor, type IndexedDatastore } from './candidates.js';
import type { DatafileSync } from './datafileSync.js';
import type { EqualityIndexes } from './equalityIndexes.js';
import { runPipeline } from './mingoContext.js';
import { insertTogether, replaceTogether } from './nedbBatches.js';
import { includedFields, pickFields, simpleSort } from './plainFind.js';
import { copyRecord } from './recordCopy.js';

/** A nedb datastore of store records (the package's CommonJS default export, typed as such). */
export type NedbDatastore = import('@seald-io/nedb').default<StoredRecord>;

/**
 * Superseded lines (old versions of updated records, removed records and
 * their removal markers) from which the datafile is compacted, once they
 * are also at least as many as the live records. Inserts supersede nothing:
 * an insert-only collection is never rewritten.
 */
export const COMPACT_AFTER_LINES = 20_000;
const MINGO = { scriptEnabled: false } as const;

/**
 * One collection of the embedded backend: nedb keeps the records in memory,
 * appends every write to the collection's datafile and enforces the unique
 * indexes; the equality indexes narrow lookups; mingo evaluates what is
 * left of filters, and sorts, projections and pipelines beyond the plain
 * ones (plainFind.ts), so they mean what they mean in MongoDB; every write
 * resolves only after DatafileSync has flushed it to disk. nedb runs one
 * operation at a time per datastore (its executor), which is the
 * per-collection write queue.
 */
export class NedbCollection implements CollectionBackend {
  private supersededLines = 0;
  private compaction: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly name: string,
    private readonly datastore: NedbDatastore,
    private readonly equality: EqualityIndexes,
    private readonly durable: DatafileSync,
    private liveRecords: number,
    private readonly onCompactionError: (error: unknown) => void,
    private readonly compactAfterLines = COMPACT_AFTER_LINES,
  ) {}

  private get indexed(): IndexedDatastore {
    return this.datastore as unknown as IndexedDatastore;
  }

  insertMany(records: StoredRecord[]): Promise<InsertOutcome[]> {
    return this.write(async () => {
      let outcomes: InsertOutcome[];
      try {
        // All-or-nothing in one append: the fast path when nothing collides.
        await insertTogether(this.datastore, records);
        outcomes = records.map(() => 'inserted');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        outcomes = records.length === 1 ? ['duplicate'] : await this.insertOneByOne(records);
      }
      const inserted = outcomes.filter((outcome) => outcome === 'inserted').length;
      this.liveRecords += inserted;
      return [outcomes, inserted, 0];
    });
  }

  async find(filter: Filter, options: BackendFindOptions): Promise<StoredRecord[]> {
    this.assertOpen();
    const records = this.matching(filter);
    const fields = options.projection && includedFields(options.projection);
    // Plain sorts and projections without mingo's cursor (see plainFind.ts); anything else through it.
    const sorted = options.projection && !fields ? undefined : records.length <= 1 ? records : simpleSort(records, options.sort);
    if (sorted) {
      const page = sorted.slice(options.skip ?? 0, options.limit === undefined ? undefined : (options.skip ?? 0) + options.limit);
      return page.map((record) => copyRecord(fields ? pickFields(record, fields) : record));
    }
    const cursor = new Query({}, MINGO).find<StoredRecord>(records, options.projection).sort(options.sort);
    if (options.skip) cursor.skip(options.skip);
    if (options.limit) cursor.limit(options.limit);
    return cursor.all().map(copyRecord);
  }

  async countDocuments(filter: Filter): Promise<number> {
    this.assertOpen();
    return this.matching(filter).length;
  }

  replaceRevision(id: string, revision: number, record: StoredRecord): Promise<ReplaceOutcome> {
    return this.write(async () => {
      const outcome = await this.replaceOne({ id, revision, record });
      const replaced = outcome === 'replaced' ? 1 : 0;
      return [outcome, replaced, replaced];
    });
  }

  /**
   * All the replaces in one nedb task: the records still at their revision
   * are swapped in memory together, appended as one write, flushed once. If
   * one of them breaks a unique index nothing was changed, and they are
   * replaced one by one to tell which.
   */
  replaceRevisions(replacements: readonly Replacement[]): Promise<ReplaceOutcome[]> {
    return this.write(async () => {
      let outcomes: ReplaceOutcome[];
      try {
        outcomes = await replaceTogether(this.datastore, replacements);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        outcomes = await Promise.all(replacements.map((replacement) => this.replaceOne(replacement)));
      }
      const replaced = outcomes.filter((outcome) => outcome === 'replaced').length;
      return [outcomes, replaced, replaced];
    });
  }

  deleteMany(filter: Filter): Promise<number> {
    return this.write(async () => {
      const ids = this.matching(filter).map((record) => record._id);
      if (ids.length === 0) return [0, 0, 0];
      const removed = await this.datastore.removeAsync({ _id: { $in: ids } }, { multi: true });
      this.liveRecords -= removed;
      return [removed, removed, 2 * removed];
    });
  }

  async aggregate(pipeline: PipelineStage[]): Promise<Record<string, unknown>[]> {
    this.assertOpen();
    let records: StoredRecord[] | null = null;
    let stage = 0;
    // Leading $match stages run first on the (index-narrowed) records, without copying them.
    for (; stage < pipeline.length && '$match' in pipeline[stage]!; stage++) {
      const match = pipeline[stage]!.$match as Filter;
      records = records ? new Query(match, MINGO).find<StoredRecord>(records).all() : this.matching(match);
    }
    const rest = pipeline.slice(stage);
    const input = records ?? this.indexed.getAllData();
    if (rest.length === 0) return input.map(copyRecord);
    return runPipeline(rest, input);
  }

  /** The records matching a filter (nedb's own objects: never change them). */
  private matching(filter: Filter): StoredRecord[] {
    const { records, residual } = candidatesFor(this.indexed, this.equality, filter);
    if (!residual) return records;
    const query = new Query(residual, MINGO);
    return records.filter((record) => query.test(record));
  }

  /** Waits for writes in flight, their flush and any compaction; later calls fail. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.inFlight]);
    await this.compaction;
    await this.durable.close();
  }

  /** Runs a write, then flushes the datafile before acknowledging; `work` returns [result, lines appended, lines it superseded]. */
  private write<R>(work: () => Promise<[R, number, number]>): Promise<R> {
    this.assertOpen();
    const done = (async () => {
      const [result, appended, superseded] = await work();
      if (appended > 0) {
        await this.durable.sync();
        this.supersededLines += superseded;
        this.compactIfWasteful();
      }
      return result;
    })();
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done)).catch(() => undefined);
    return done;
  }

  private async replaceOne({ id, revision, record }: Replacement): Promise<ReplaceOutcome> {
    try {
      const { numAffected } = await this.datastore.updateAsync({ _id: id, _rev: revision }, record, {});
      return numAffected === 0 ? 'stale' : 'replaced';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  private async insertOneByOne(records: StoredRecord[]): Promise<InsertOutcome[]> {
    const outcomes: InsertOutcome[] = [];
    for (const record of records) {
      try {
        await this.datastore.insertAsync(record);
        outcomes.push('inserted');
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        outcomes.push('duplicate');
      }
    }
    return outcomes;
  }

  /** Rewrites the datafile (nedb's crash-safe compaction: temp file, fsync, rename) once it is mostly superseded lines. */
  private compactIfWasteful(): void {
    if (this.compaction || this.supersededLines < Math.max(this.compactAfterLines, this.liveRecords)) return;
    this.supersededLines = 0;
    this.compaction = this.datastore
      .compactDatafileAsync()
      .catch(this.onCompactionError)
      .finally(() => {
        this.compaction = null;
      });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`${this.name}: the store is closed`);
  }
}

/** nedb's refusal of a record by a unique index. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { errorType?: unknown }).errorType === 'uniqueViolated';
}
