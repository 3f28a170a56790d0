/** The backends the contract suite runs on, and a fresh store per test on each (not a test file itself). */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../server/store/index.js';

/** A backend under test: how to open a fresh store on it, reopen that store, and throw it away. */
export interface BackendUnderTest {
  name: 'embedded' | 'mongodb';
  enabled: boolean;
  create(): Promise<{ open(): Promise<Store>; destroy(): Promise<void> }>;
}

const mongodbUri = process.env.MONGODB_URI;

/** Always the embedded backend (a temp dir per test); MongoDB too when MONGODB_URI is set (a fresh database per test). */
export const BACKENDS: BackendUnderTest[] = [
  {
    name: 'embedded',
    enabled: true,
    async create() {
      const dataDir = await mkdtemp(join(tmpdir(), 'store-contract-'));
      return { open: () => openStore({ dataDir }), destroy: () => rm(dataDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'mongodb',
    enabled: Boolean(mongodbUri),
    async create() {
      const uri = withDatabase(mongodbUri!, `care_store_test_${randomBytes(6).toString('hex')}`);
      return {
        open: () => openStore({ mongodbUri: uri, dataDir: '' }),
        async destroy() {
          const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
          await connection.dropDatabase();
          await connection.close();
        },
      };
    },
  },
];

/** A MongoDB URI pointing at another database (same hosts and options). */
export function withDatabase(uri: string, database: string): string {
  const [base = '', query] = uri.split('?');
  const hostsStart = base.indexOf('//') + 2;
  const slash = base.indexOf('/', hostsStart);
  const hosts = slash === -1 ? base : base.slice(0, slash);
  return `${hosts}/${database}${query ? `?${query}` : ''}`;
}

/** A fresh, empty store for every test of the enclosing describe; `reopen()` closes it and opens the same data again. */
export function useFreshStore(backend: BackendUnderTest): { readonly store: Store; reopen(): Promise<Store> } {
  let current: Store | null = null;
  let place: Awaited<ReturnType<BackendUnderTest['create']>> | null = null;
  beforeEach(async () => {
    place = await backend.create();
    current = await place.open();
  });
  afterEach(async () => {
    await current?.close();
    await place?.destroy();
    current = null;
    place = null;
  });
  return {
    get store() {
      if (!current) throw new Error('no store open (use inside a test)');
      return current;
    },
    async reopen() {
      await current!.close();
      current = await place!.open();
      return current;
    },
  };
}
