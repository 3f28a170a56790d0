/** The MongoDB backend's error mapping and URI handling (no MongoDB needed). */
import { describe, expect, it } from 'vitest';
import { mongo } from 'mongoose';
import { insertOutcomesAfter, isDuplicateKeyError, redactMongoUri } from '../../server/store/mongo/mongoErrors.js';
import { withDatabase } from '../support/testStore.js';

function bulkError(writeErrors: Array<{ index: number; code: number }>, writeConcernError?: object): Error {
  return Object.assign(Object.create(mongo.MongoBulkWriteError.prototype) as Error, {
    writeErrors,
    result: { getWriteConcernError: () => writeConcernError },
  });
}

describe('MongoDB error mapping', () => {
  it('turns the duplicate-key errors of an unordered insertMany into per-record outcomes', () => {
    expect(insertOutcomesAfter(bulkError([{ index: 1, code: 11000 }, { index: 3, code: 11000 }]), 4)).toEqual(['inserted', 'duplicate', 'inserted', 'duplicate']);
  });

  it('rethrows anything that is not only duplicates', () => {
    expect(() => insertOutcomesAfter(bulkError([{ index: 0, code: 11000 }, { index: 1, code: 121 }]), 2)).toThrow();
    expect(() => insertOutcomesAfter(bulkError([{ index: 0, code: 11000 }], { code: 64 }), 2)).toThrow();
    expect(() => insertOutcomesAfter(new Error('network'), 1)).toThrow('network');
  });

  it('recognizes a single duplicate-key server error', () => {
    const duplicate = Object.assign(Object.create(mongo.MongoServerError.prototype) as Error, { code: 11000 });
    expect(isDuplicateKeyError(duplicate)).toBe(true);
    expect(insertOutcomesAfter(duplicate, 1)).toEqual(['duplicate']);
    expect(isDuplicateKeyError(new Error('E11000'))).toBe(false);
  });
});

describe('MongoDB URIs', () => {
  it('hides credentials and options in logs', () => {
    expect(redactMongoUri('mongodb://care:s3cret@db1:27017,db2:27017/care?replicaSet=rs0&authSource=admin')).toBe('mongodb://***@db1:27017,db2:27017/care');
    expect(redactMongoUri('mongodb+srv://u:p@cluster.example.net/care')).toBe('mongodb+srv://***@cluster.example.net/care');
    expect(redactMongoUri('mongodb://localhost:27017/care')).toBe('mongodb://localhost:27017/care');
  });

  it('points a URI at another database (tests use one per test)', () => {
    expect(withDatabase('mongodb://localhost:27017/care?w=majority', 't1')).toBe('mongodb://localhost:27017/t1?w=majority');
    expect(withDatabase('mongodb://u:p@h1,h2', 't1')).toBe('mongodb://u:p@h1,h2/t1');
  });
});
