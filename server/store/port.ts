import type { Schema } from 'mongoose';

/**
 * The one narrow port both backends implement (embedded/ and mongo/).
 * Everything else (validation by the mongoose schemas, update operators,
 * duplicate reporting, optimistic retries, team scoping) is written once,
 * above it, in collection.ts. Backends only move plain records.
 */

/** A record as backends hold it: plain data (strings, numbers, booleans, null, Dates, arrays, objects), a string `_id`, and the store's `_rev`. */
export interface StoredRecord {
  _id: string;
  _rev?: number;
  [field: string]: unknown;
}

/** A Mongo filter document (checked by filters.ts before it reaches a backend). */
export type Filter = Record<string, unknown>;

/** A Mongo sort specification. */
export type SortSpec = Record<string, 1 | -1>;

/** A Mongo projection: only inclusions or only exclusions (plus `_id`). */
export type Projection = Record<string, 0 | 1>;

/** One stage of a Mongo aggregation pipeline (checked by filters.ts). */
export type PipelineStage = Record<string, unknown>;

/** Options of a backend find; the store always passes a sort. */
export interface BackendFindOptions {
  sort: SortSpec;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

/** How one insert went; a duplicate breaks some unique index (collection.ts finds which). */
export type InsertOutcome = 'inserted' | 'duplicate';

/** How a compare-and-set replace went: done, lost the race (revision moved or document gone), or a unique index refused it. */
export type ReplaceOutcome = 'replaced' | 'stale' | 'duplicate';

/** A compare-and-set replace: `record` replaces the record `id` if that one is still at `revision`. */
export interface Replacement {
  id: string;
  revision: number;
  record: StoredRecord;
}

/** The operations one collection of a backend offers; every write is durable when its promise resolves. */
export interface CollectionBackend {
  /** Inserts each record independently (ordered: false): one outcome per record, in order. */
  insertMany(records: StoredRecord[]): Promise<InsertOutcome[]>;
  /** Records matching the filter, sorted, then skipped and limited, then projected. */
  find(filter: Filter, options: BackendFindOptions): Promise<StoredRecord[]>;
  /** How many records match. */
  countDocuments(filter: Filter): Promise<number>;
  /** Replaces the record `_id` if its `_rev` still equals `revision`. */
  replaceRevision(id: string, revision: number, record: StoredRecord): Promise<ReplaceOutcome>;
  /** Like replaceRevision for each of several records, independently (one write for all where the backend can); one outcome per replacement, in order. */
  replaceRevisions(replacements: readonly Replacement[]): Promise<ReplaceOutcome[]>;
  /** Removes every matching record; how many. */
  deleteMany(filter: Filter): Promise<number>;
  /** Runs an aggregation pipeline over the collection. */
  aggregate(pipeline: PipelineStage[]): Promise<Record<string, unknown>[]>;
}

/** Which backend holds the data. */
export type BackendKind = 'mongodb' | 'embedded';

/** A backend: opens collections (creating the schema's indexes) and closes. */
export interface StoreBackend {
  readonly kind: BackendKind;
  /** Where the data lives: a directory, or a MongoDB address without credentials. */
  readonly location: string;
  /**
   * Runs `work` with its writes sharing one commit where the backend can
   * (embedded: one SQLite transaction, one fsync); each write resolves once
   * applied, and all are durable when the returned promise resolves. On
   * MongoDB each write is durable on its own and `work` just runs.
   */
  inOneCommit<T>(work: () => Promise<T>): Promise<T>;
  /** Opens a collection, enforcing the unique indexes the schema declares. */
  collection(name: string, schema: Schema): Promise<CollectionBackend>;
  /** Waits for pending writes to be durable, then releases files or connections. */
  close(): Promise<void>;
}
