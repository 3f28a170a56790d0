import type { mongo } from 'mongoose';
import type { BackendFindOptions, CollectionBackend, Filter, InsertOutcome, PipelineStage, Replacement, ReplaceOutcome, StoredRecord } from '../port.js';
import { insertOutcomesAfter, isDuplicateKeyError } from './mongoErrors.js';

type MongoFilter = mongo.Filter<StoredRecord>;

/** One collection of the MongoDB backend: the driver collection of the mongoose connection, with majority, journaled writes. */
export class MongoCollection implements CollectionBackend {
  constructor(private readonly collection: mongo.Collection<StoredRecord>) {}

  async insertMany(records: StoredRecord[]): Promise<InsertOutcome[]> {
    try {
      await this.collection.insertMany(records, { ordered: false });
      return records.map(() => 'inserted');
    } catch (error) {
      return insertOutcomesAfter(error, records.length);
    }
  }

  find(filter: Filter, options: BackendFindOptions): Promise<StoredRecord[]> {
    return this.collection
      .find(filter as MongoFilter, { sort: options.sort, skip: options.skip, limit: options.limit, projection: options.projection })
      .toArray();
  }

  countDocuments(filter: Filter): Promise<number> {
    return this.collection.countDocuments(filter as MongoFilter);
  }

  async replaceRevision(id: string, revision: number, record: StoredRecord): Promise<ReplaceOutcome> {
    try {
      const result = await this.collection.replaceOne({ _id: id, _rev: revision } as MongoFilter, record);
      return result.matchedCount === 0 ? 'stale' : 'replaced';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }

  /** The replaces run side by side (the server groups their journal commits); a bulkWrite would not say which of them matched. */
  replaceRevisions(replacements: readonly Replacement[]): Promise<ReplaceOutcome[]> {
    return Promise.all(replacements.map(({ id, revision, record }) => this.replaceRevision(id, revision, record)));
  }

  async deleteMany(filter: Filter): Promise<number> {
    return (await this.collection.deleteMany(filter as MongoFilter)).deletedCount;
  }

  aggregate(pipeline: PipelineStage[]): Promise<Record<string, unknown>[]> {
    return this.collection.aggregate<Record<string, unknown>>(pipeline).toArray();
  }
}
