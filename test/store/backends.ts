/** The backends the contract suite runs on, and a fresh store per test on each (not a test file itself). */
import { testMongodbUri } from '../support/mongodb.js';
import { useFreshStore as useFreshStoreOf, type FreshStore } from '../support/testStore.js';

/** A backend under test, and whether there is one to test on. */
export interface BackendUnderTest {
  name: 'embedded' | 'mongodb';
  enabled: boolean;
}

/** Always the embedded backend (a temp dir per test); MongoDB too (FerretDB, or MONGODB_URI) when one is available (a fresh database per test). */
export const BACKENDS: BackendUnderTest[] = (['embedded', 'mongodb'] as const).map((name) => ({ name, enabled: name === 'embedded' || Boolean(testMongodbUri()) }));

/** A fresh, empty store on `backend` for every test of the enclosing describe; `reopen()` closes it and opens the same data again. */
export function useFreshStore(backend: BackendUnderTest): FreshStore {
  return useFreshStoreOf('care_store_test', backend.name);
}
