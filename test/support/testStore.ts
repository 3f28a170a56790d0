/**
 * Which backend the servers, stores and CLI runs of a test file use, and a
 * fresh place for their data. The `mongodb` vitest project sets
 * TEST_STORE=mongodb (vitest.config.ts) to run the same route, command and
 * crash tests on the test MongoDB (FerretDB, or MONGODB_URI); elsewhere the
 * embedded store in a temporary directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store, type StoreOptions } from '../../server/store/index.js';
import { testMongodbUri } from './mongodb.js';

export type TestBackend = 'embedded' | 'mongodb';

/** The backend of this vitest project. */
export function testBackend(): TestBackend {
  return process.env.TEST_STORE === 'mongodb' ? 'mongodb' : 'embedded';
}

/** A fresh, empty place for a store: the variables a server or CLI reads to use it, the options openStore takes, and how to remove it. */
export interface StorePlace {
  backend: TestBackend;
  env: Record<string, string>;
  storeOptions: StoreOptions;
  destroy(): Promise<void>;
}

/** A session secret for servers on MongoDB (required there; tests pass their own where they check it). */
const TEST_SESSION_SECRET = 'session-secret-for-mongodb-tests';

/** A temporary directory (embedded) or a database of its own on the test MongoDB. */
export async function freshStorePlace(backend: TestBackend = testBackend(), prefix = 'care-test'): Promise<StorePlace> {
  if (backend === 'embedded') {
    const dataDir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    return { backend, env: { DATA_DIR: dataDir }, storeOptions: { dataDir }, destroy: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const base = testMongodbUri();
  if (!base) throw new Error('TEST_STORE=mongodb but no MongoDB to test on (see test/support/mongoSetup.ts)');
  const uri = withDatabase(base, `${prefix.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`);
  return { backend, env: { MONGODB_URI: uri, SESSION_SECRET: TEST_SESSION_SECRET }, storeOptions: { mongodbUri: uri, dataDir: '' }, destroy: () => dropDatabase(uri) };
}

/** The store and place of the running test, from useFreshStore. */
export interface FreshStore {
  readonly store: Store;
  readonly place: StorePlace;
  /** Closes the store and opens it again on the same data, as a restarted process would; `store` is then the new one. */
  reopen(): Promise<Store>;
}

/** A fresh, empty store for every test of the file (or enclosing describe), closed and removed after it; on this project's backend unless told. */
export function useFreshStore(prefix?: string, backend: TestBackend = testBackend()): FreshStore {
  let current: { store: Store; place: StorePlace } | null = null;
  beforeEach(async () => {
    const place = await freshStorePlace(backend, prefix);
    current = { store: await openStore(place.storeOptions), place };
  });
  afterEach(async () => {
    if (!current) return;
    const { store, place } = current;
    current = null;
    await store.close();
    await place.destroy();
  });
  const opened = () => {
    if (!current) throw new Error('useFreshStore: no store is open here; reach it inside a test (it is opened before each test and removed after it)');
    return current;
  };
  return {
    get store() {
      return opened().store;
    },
    get place() {
      return opened().place;
    },
    async reopen() {
      const test = opened();
      await test.store.close();
      test.store = await openStore(test.place.storeOptions);
      return test.store;
    },
  };
}

/** A MongoDB URI pointing at another database (same hosts and options). */
export function withDatabase(uri: string, database: string): string {
  const [base = '', query] = uri.split('?');
  const hostsStart = base.indexOf('//') + 2;
  const slash = base.indexOf('/', hostsStart);
  const hosts = slash === -1 ? base : base.slice(0, slash);
  return `${hosts}/${database}${query ? `?${query}` : ''}`;
}

async function dropDatabase(uri: string): Promise<void> {
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  await connection.dropDatabase();
  await connection.close();
}
