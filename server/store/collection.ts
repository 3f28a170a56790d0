import { updateEach, updateFirstMatch } from './compareAndSet.js';
import { prepareInsert, present, withTieBreak, type CollectionContext } from './context.js';
import { identifyDuplicate } from './duplicates.js';
import { UnsafeQueryError, type DuplicateKey } from './errors.js';
import { assertSafeFilter, assertSafePipeline, plainString } from './filters.js';
import type { Filter, PipelineStage, Projection, SortSpec, StoredRecord } from './port.js';
import { assertSafeUpdate, UPSERT_OPERATORS, type Update, type UpsertUpdate } from './updates.js';
import { upsertRecord } from './upsert.js';

/** Options of find. */
export interface FindOptions {
  /** Always completed with `_id` as the last key (ties in a stable order); default `{ _id: 1 }`. */
  sort?: SortSpec;
  skip?: number;
  limit?: number;
}

/** Options of a find that returns only some fields (plus `_id`). */
export interface FindFieldsOptions<K extends string> extends FindOptions {
  fields: readonly K[];
}

/** How one insert went: stored (with its defaults), or refused by a unique index. */
export type InsertResult<T> = { status: 'inserted'; document: T } | { status: 'duplicate'; duplicate: DuplicateKey };

/** One update of updateEach, by id. */
export interface EachUpdate<T> {
  _id: string;
  update: Update<T>;
  /** Fields the document must hold as they are (e.g. `{ lastEventSeq: 4 }`), else the update is not made (result: nothing matched). */
  expect?: Record<string, string | number | boolean | null>;
}

/** How one update of updateEach went, with the document after it (null when nothing matched). */
export interface EachResult<T> extends UpdateResult {
  document: T | null;
}

/** Whether an update found a document, and whether it changed it. */
export interface UpdateResult {
  matched: boolean;
  modified: boolean;
}

/**
 * A typed collection: the store's API over one backend collection. Every
 * document is validated by its mongoose schema before it is written, every
 * filter and pipeline is checked (filters.ts), and every write is durable
 * when the promise resolves.
 */
export class Collection<T extends { _id: string }, N extends object> {
  constructor(private readonly context: CollectionContext) {}

  /** The collection's name. */
  get name(): string {
    return this.context.name;
  }

  /** Inserts one document; a unique-index collision is a result, not an error. Throws StoreValidationError (nothing written) if the schema rejects it. */
  async insertOne(input: N): Promise<InsertResult<T>> {
    const record = await prepareInsert(this.context, input);
    const [outcome] = await this.context.backend.insertMany([record]);
    return this.insertResult(record, outcome!);
  }

  /** Inserts documents independently (ordered: false): one result per input, in order. All are validated first; if any is invalid nothing is written. */
  async insertMany(inputs: readonly N[]): Promise<InsertResult<T>[]> {
    if (inputs.length === 0) return [];
    const records = await Promise.all(inputs.map((input, index) => prepareInsert(this.context, input, `[${index}]`)));
    const outcomes = await this.context.backend.insertMany(records);
    return Promise.all(records.map((record, index) => this.insertResult(record, outcomes[index]!)));
  }

  /** The first matching document in `sort` order, or null. */
  async findOne(filter: Filter, options: Pick<FindOptions, 'sort'> = {}): Promise<T | null> {
    const [first] = await this.find(filter, { ...options, limit: 1 });
    return first ?? null;
  }

  /** Matching documents, sorted (ties by `_id`), skipped, limited; with `fields`, only those fields and `_id`. */
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  find<K extends keyof T & string>(filter: Filter, options: FindFieldsOptions<K>): Promise<Pick<T, K | '_id'>[]>;
  async find(filter: Filter, options: FindOptions & { fields?: readonly string[] } = {}): Promise<unknown[]> {
    assertSafeFilter(filter);
    const projection: Projection | undefined = options.fields ? Object.fromEntries(options.fields.map((field) => [field, 1 as const])) : undefined;
    const records = await this.context.backend.find(filter, {
      sort: withTieBreak(options.sort),
      skip: checkCount(options.skip, 'skip', 0),
      limit: checkCount(options.limit, 'limit', 1),
      projection,
    });
    return records.map((record) => present<T>(record));
  }

  /** How many documents match. */
  async countDocuments(filter: Filter): Promise<number> {
    assertSafeFilter(filter);
    return this.context.backend.countDocuments(filter);
  }

  /** Applies update operators to the first match (e.g. filter `{ _id, version }` for optimistic concurrency: a stale version matches nothing). */
  async updateOne(filter: Filter, update: Update<T>, options: Pick<FindOptions, 'sort'> = {}): Promise<UpdateResult> {
    const result = await this.update(filter, update, options.sort);
    return { matched: result !== null, modified: result?.modified ?? false };
  }

  /**
   * Applies one update to each of several documents by id (those also
   * matching `filter`), reading them together and writing them in one go
   * (one flush on the embedded backend). One result per update, in order.
   * A document whose update would break a unique index is left as it was;
   * the others are written, then DuplicateKeyError is thrown.
   */
  async updateEach(updates: ReadonlyArray<EachUpdate<T>>, filter: Filter = {}): Promise<EachResult<T>[]> {
    assertSafeFilter(filter);
    if ('_id' in filter) throw new UnsafeQueryError('updateEach takes the ids with the updates, not in the filter');
    for (const { _id, update, expect } of updates) {
      plainString(_id, '_id');
      assertSafeUpdate(update as Record<string, unknown>);
      if (expect) assertSafeFilter(expect, 'expect');
    }
    const results = await updateEach(this.context, updates.map(({ _id, update, expect }) => ({ id: _id, update: update as Record<string, unknown>, expect })), filter);
    return results.map((result) => ({ matched: result !== null, modified: result?.modified ?? false, document: result ? present<T>(result.after) : null }));
  }

  /** Like updateOne, returning the document after the update (or before it), or null when nothing matched. */
  async findOneAndUpdate(filter: Filter, update: Update<T>, options: Pick<FindOptions, 'sort'> & { returnDocument?: 'before' | 'after' } = {}): Promise<T | null> {
    const result = await this.update(filter, update, options.sort);
    if (!result) return null;
    return present<T>(options.returnDocument === 'before' ? result.before : result.after);
  }

  /** Updates the first match, or inserts a document built from the filter's equality fields, the update and `$setOnInsert`. */
  async upsertOne(filter: Filter, update: UpsertUpdate<T>): Promise<{ document: T; upserted: boolean }> {
    assertSafeFilter(filter);
    assertSafeUpdate(update as Record<string, unknown>, UPSERT_OPERATORS);
    const { document, upserted } = await upsertRecord(this.context, filter, update as Record<string, unknown>);
    return { document: present<T>(document), upserted };
  }

  /** Removes every matching document (tests, retention); how many. */
  async deleteMany(filter: Filter): Promise<number> {
    assertSafeFilter(filter);
    return this.context.backend.deleteMany(filter);
  }

  /** Runs an aggregation pipeline (same pipeline documents on both backends; read-only stages only). */
  async aggregate<R = Record<string, unknown>>(pipeline: PipelineStage[]): Promise<R[]> {
    assertSafePipeline(pipeline);
    return (await this.context.backend.aggregate(hideRevision(pipeline))) as R[];
  }

  private async update(filter: Filter, update: Update<T>, sort: SortSpec | undefined) {
    assertSafeFilter(filter);
    assertSafeUpdate(update as Record<string, unknown>);
    return updateFirstMatch(this.context, filter, update as Record<string, unknown>, sort);
  }

  private async insertResult(record: StoredRecord, outcome: 'inserted' | 'duplicate'): Promise<InsertResult<T>> {
    if (outcome === 'inserted') return { status: 'inserted', document: present<T>(record) };
    return { status: 'duplicate', duplicate: await identifyDuplicate(this.context, record) };
  }
}

/** Drops `_rev` right after the leading `$match` stages (which stay first, so both backends can use indexes for them). */
function hideRevision(pipeline: PipelineStage[]): PipelineStage[] {
  const leadingMatches = pipeline.findIndex((stage) => !('$match' in stage));
  const at = leadingMatches === -1 ? pipeline.length : leadingMatches;
  return [...pipeline.slice(0, at), { $unset: '_rev' }, ...pipeline.slice(at)];
}

function checkCount(value: number | undefined, name: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < minimum) throw new UnsafeQueryError(`${name} must be an integer >= ${minimum}, got ${value}`);
  return value;
}
