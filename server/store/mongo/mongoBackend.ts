import mongoose, { type Schema } from 'mongoose';
import { uniqueIndexFields } from '../context.js';
import type { CollectionBackend, StoredRecord, StoreBackend } from '../port.js';
import { MongoCollection } from './mongoCollection.js';
import { redactMongoUri } from './mongoErrors.js';
import { WRITE_CLAIMS_COLLECTION, WriteClaims, type WriteClaimRecord } from './writeClaims.js';

/** A write is acknowledged once a majority of the replica set has it in its journal: the MongoDB counterpart of the embedded fsync. */
const DURABLE_WRITES = { w: 'majority', journal: true } as const;

/**
 * The MongoDB backend: one mongoose connection; each collection is the
 * driver collection behind it, with the schema's indexes created at open.
 * (Documents were already validated by the same schemas above the port.)
 */
export async function openMongoBackend(uri: string): Promise<StoreBackend> {
  // ignoreUndefined: an undefined value is left out, as the embedded backend's JSON leaves it out (not stored as null).
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000, autoIndex: false, autoCreate: false, ignoreUndefined: true });
  await connection.asPromise();
  const db = connection.db;
  if (!db) throw new Error('MongoDB connection has no database');
  // Claims decide who may write a revision, so they are as durable as the writes they guard.
  const claims = db.collection<WriteClaimRecord>(WRITE_CLAIMS_COLLECTION, { writeConcern: DURABLE_WRITES });
  await WriteClaims.prepare(claims);
  return {
    kind: 'mongodb',
    location: `${redactMongoUri(uri)} (database ${db.databaseName})`,
    async collection(name: string, schema: Schema): Promise<CollectionBackend> {
      const collection = db.collection<StoredRecord>(name, { writeConcern: DURABLE_WRITES });
      for (const [fields, options] of schema.indexes()) {
        await collection.createIndex(fields as Record<string, 1 | -1>, options as mongoose.mongo.CreateIndexesOptions);
      }
      return new MongoCollection(collection, new WriteClaims(claims, name), uniqueIndexFields(schema).filter((fields) => !(fields.length === 1 && fields[0] === '_id')));
    },
    inOneCommit: (work) => work(),
    close: () => connection.close(),
  };
}
