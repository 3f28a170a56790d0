import type { Model, Schema } from 'mongoose';
import type { CollectionBackend, SortSpec, StoredRecord } from './port.js';
import { validateRecord, validationModel } from './validate.js';

/** What the shared collection code needs to know about one collection. */
export interface CollectionContext {
  readonly name: string;
  readonly backend: CollectionBackend;
  readonly model: Model<unknown>;
  /** Field lists of the unique indexes, `_id` first. */
  readonly uniqueIndexes: readonly string[][];
  /** The schema has `updatedAt`: every modifying update sets it, unless the update sets it itself. */
  readonly touchesUpdatedAt: boolean;
}

/** Builds a collection's context from its schema and the backend collection holding it. */
export function collectionContext(name: string, schema: Schema, backend: CollectionBackend): CollectionContext {
  return {
    name,
    backend,
    model: validationModel(name, schema),
    uniqueIndexes: [['_id'], ...uniqueIndexFields(schema)],
    touchesUpdatedAt: schema.path('updatedAt') !== undefined,
  };
}

/** The field lists of the unique indexes a schema declares. */
export function uniqueIndexFields(schema: Schema): string[][] {
  return schema
    .indexes()
    .filter(([, options]) => options.unique === true)
    .map(([fields]) => Object.keys(fields));
}

/** Validates a new document and makes it a record at revision 0. */
export async function prepareInsert(context: CollectionContext, input: object, issuePrefix = ''): Promise<StoredRecord> {
  const record = await validateRecord(context.name, context.model, { ...(input as Record<string, unknown>) }, issuePrefix);
  record._rev = 0;
  return record;
}

/** A sort that always ends with `_id`, so ties come back in the same order on both backends (and pages do not overlap). */
export function withTieBreak(sort: SortSpec | undefined): SortSpec {
  if (sort && '_id' in sort) return sort;
  return { ...sort, _id: 1 };
}

/** A record as callers see it: without the store's `_rev`. */
export function present<T>(record: StoredRecord): T {
  // Copied without `_rev` rather than copied then deleted from: a deletion turns the object into a slow dictionary.
  const visible: Record<string, unknown> = {};
  for (const key of Object.keys(record)) if (key !== '_rev') visible[key] = record[key];
  return visible as T;
}
