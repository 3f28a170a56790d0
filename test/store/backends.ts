/** The backends the contract suite runs on, and a fresh store per test on each (not a test file itself). */
import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../server/store/index.js';
import { testMongodbUri } from '../support/mongodb.js';
import { freshStorePlace } from '../support/testStore.js';

/** A backend under test: how to open a fresh store on it, reopen that store, and throw it away. */
export interface BackendUnderTest {
  name: 'embedded' | 'mongodb';
  enabled: boolean;
  create(): Promise<{ open(): Promise<Store>; destroy(): Promise<void> }>;
}

/** Always the embedded backend (a temp dir per test); MongoDB too (FerretDB, or MONGODB_URI) when one is available (a fresh database per test). */
export const BACKENDS: BackendUnderTest[] = (['embedded', 'mongodb'] as const).map((name) => ({
  name,
  enabled: name === 'embedded' || Boolean(testMongodbUri()),
  async create() {
    const place = await freshStorePlace(name, 'care_store_test');
    return { open: () => openStore(place.storeOptions), destroy: () => place.destroy() };
  },
}));

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
