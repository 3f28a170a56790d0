import { Query } from 'mingo';
import type { mongo } from 'mongoose';
import { valueAt } from '../duplicates.js';
import type { BackendFindOptions, CollectionBackend, Filter, InsertOutcome, PipelineStage, Replacement, ReplaceOutcome, StoredRecord } from '../port.js';
import { insertOutcomesAfter, isDuplicateKeyError } from './mongoErrors.js';
import type { WriteClaims } from './writeClaims.js';

type MongoFilter = mongo.Filter<StoredRecord>;
// Filters reaching a backend never run scripts (filters.ts refuses them); as the embedded backend does.
const MINGO = { scriptEnabled: false } as const;
/** The longest `_id: {$in: […]}` list read as one primary-key lookup per id (FerretDB v1 scans the collection for a list). */
const ID_LOOKUPS = 100;

/** One collection of the MongoDB backend: the driver collection of the mongoose connection, with majority, journaled writes. */
export class MongoCollection implements CollectionBackend {
  constructor(
    private readonly collection: mongo.Collection<StoredRecord>,
    private readonly claims: WriteClaims,
    /** Field lists of the unique indexes other than `_id`. */
    private readonly uniqueIndexes: readonly string[][],
  ) {}

  async insertMany(records: StoredRecord[]): Promise<InsertOutcome[]> {
    try {
      await this.collection.insertMany(records, { ordered: false });
      return records.map(() => 'inserted');
    } catch (error) {
      return insertOutcomesAfter(error, records.length);
    }
  }

  async find(filter: Filter, options: BackendFindOptions): Promise<StoredRecord[]> {
    if (typeof filter._id === 'string') {
      const record = await this.byId(filter);
      if (!record || (options.skip ?? 0) > 0 || options.limit === 0) return [];
      return options.projection ? new Query({}, MINGO).find<StoredRecord>([record], options.projection).all() : [record];
    }
    const ids = shortIdList(filter);
    if (ids) return this.byIds(ids, filter, options);
    return this.collection
      .find(filter as MongoFilter, { sort: options.sort, skip: options.skip, limit: options.limit, projection: options.projection })
      .toArray();
  }

  async countDocuments(filter: Filter): Promise<number> {
    if (typeof filter._id === 'string') return (await this.byId(filter)) ? 1 : 0;
    return this.collection.countDocuments(filter as MongoFilter);
  }

  /**
   * Claims (id, revision) first (writeClaims.ts): then no other writer can
   * move the record from that revision, so checking the revision and
   * replacing by `_id` alone is a compare-and-set, even where the server does
   * not apply a filter atomically, and both are `_id` lookups, which FerretDB
   * answers from its primary key (any other filter is a full scan there).
   */
  async replaceRevision(id: string, revision: number, record: StoredRecord): Promise<ReplaceOutcome> {
    const [outcome] = await this.replaceRevisions([{ id, revision, record }]);
    return outcome!;
  }

  /**
   * The claims are taken in one insert and given up in one delete; the
   * replaces run side by side (the server groups their journal commits; a
   * bulkWrite would not say which of them matched).
   */
  async replaceRevisions(replacements: readonly Replacement[]): Promise<ReplaceOutcome[]> {
    if (replacements.length === 0) return [];
    const held = await this.claims.claimAll(replacements);
    try {
      return await Promise.all(replacements.map((replacement, at) => (held[at] ? this.replaceClaimed(replacement) : ('stale' as const))));
    } finally {
      await this.claims.releaseAll(replacements.filter((_, at) => held[at]));
    }
  }

  /** Replaces a record whose revision this writer holds the claim on, if it is still at that revision. */
  private async replaceClaimed({ id, revision, record }: Replacement): Promise<ReplaceOutcome> {
    try {
      const current = await this.collection.findOne({ _id: id } as MongoFilter, { projection: { _rev: 1 } });
      if (!current || (current._rev ?? 0) !== revision) return 'stale';
      const result = await this.collection.replaceOne({ _id: id } as MongoFilter, record);
      return result.matchedCount === 0 ? 'stale' : 'replaced';
    } catch (error) {
      if (isDuplicateKeyError(error) || (await this.collidesOnUniqueIndex(record))) return 'duplicate';
      throw error;
    }
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.collection.deleteMany(filter as MongoFilter)).deletedCount;
  }

  aggregate(pipeline: PipelineStage[]): Promise<Record<string, unknown>[]> {
    return this.collection.aggregate<Record<string, unknown>>(pipeline).toArray();
  }

  /**
   * The record with the filter's `_id` if it matches the rest of the filter:
   * fetched by `_id` alone, which FerretDB v1 answers from its primary key
   * (it scans the whole collection for any other filter, even `{_id, x}`),
   * and checked against the whole filter here, with Mongo's semantics.
   */
  private async byId(filter: Filter): Promise<StoredRecord | null> {
    const record = await this.collection.findOne({ _id: filter._id } as MongoFilter);
    if (!record) return null;
    return Object.keys(filter).length === 1 || new Query(filter, MINGO).test(record) ? record : null;
  }

  /**
   * The records matching a filter on a short list of ids: fetched by `_id`
   * one by one, side by side (primary-key lookups on every server, where
   * FerretDB v1 would scan the collection), then filtered, sorted, skipped,
   * limited and projected here with Mongo's semantics.
   */
  private async byIds(ids: readonly string[], filter: Filter, options: BackendFindOptions): Promise<StoredRecord[]> {
    const found = (await Promise.all(ids.map((id) => this.collection.findOne({ _id: id } as MongoFilter)))).filter((record): record is StoredRecord => record !== null);
    let cursor = new Query(filter, MINGO).find<StoredRecord>(found);
    if (options.sort) cursor = cursor.sort(options.sort);
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit) cursor = cursor.limit(options.limit);
    const records = cursor.all();
    return options.projection ? new Query({}, MINGO).find<StoredRecord>(records, options.projection).all() : records;
  }

  /**
   * Whether another record holds one of `record`'s unique keys. FerretDB v1
   * refuses such a replace with a generic error instead of E11000, so a
   * refused replace is checked against the unique indexes themselves.
   */
  private async collidesOnUniqueIndex(record: StoredRecord): Promise<boolean> {
    for (const fields of this.uniqueIndexes) {
      const filter: Record<string, unknown> = { _id: { $ne: record._id } };
      for (const field of fields) filter[field] = valueAt(record, field) ?? null;
      if ((await this.collection.countDocuments(filter as MongoFilter, { limit: 1 })) > 0) return true;
    }
    return false;
  }
}

/** The ids of a filter's `_id: {$in: […]}` when it is a short list of strings; null otherwise. */
function shortIdList(filter: Filter): string[] | null {
  const condition = filter._id;
  if (typeof condition !== 'object' || condition === null || Object.keys(condition).length !== 1) return null;
  const ids = (condition as { $in?: unknown }).$in;
  if (!Array.isArray(ids) || ids.length > ID_LOOKUPS || !ids.every((id): id is string => typeof id === 'string')) return null;
  return [...new Set(ids)];
}
