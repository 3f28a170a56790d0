import { mongo } from 'mongoose';
import type { InsertOutcome } from '../port.js';

const DUPLICATE_KEY = 11000;

/** True for MongoDB's duplicate-key error (E11000). */
export function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof mongo.MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * The per-record outcomes of an unordered insertMany that failed: duplicates
 * become 'duplicate' (the other records were inserted); any other error, or a
 * write-concern error, is rethrown.
 */
export function insertOutcomesAfter(error: unknown, count: number): InsertOutcome[] {
  if (error instanceof mongo.MongoBulkWriteError) {
    const writeErrors = [error.writeErrors].flat();
    const onlyDuplicates = writeErrors.length > 0 && writeErrors.every((writeError) => writeError.code === DUPLICATE_KEY);
    if (!onlyDuplicates || error.result.getWriteConcernError()) throw error;
    const outcomes: InsertOutcome[] = new Array<InsertOutcome>(count).fill('inserted');
    for (const writeError of writeErrors) outcomes[writeError.index] = 'duplicate';
    return outcomes;
  }
  if (count === 1 && isDuplicateKeyError(error)) return ['duplicate'];
  throw error;
}

/** A MongoDB connection string without credentials or options, for logs. */
export function redactMongoUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@').replace(/\?.*$/, '');
}
