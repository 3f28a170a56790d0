/**
 * The store's contract, run on every backend: always the embedded one (a
 * fresh temp directory per test) and MongoDB too whenever MONGODB_URI is set
 * (a fresh database per test). The same tests, the same expectations.
 */
import { describe } from 'vitest';
import { BACKENDS } from './backends.js';
import { aggregationContract } from './contract/aggregation.js';
import { crudContract } from './contract/crud.js';
import { persistenceContract } from './contract/persistence.js';
import { uniquenessContract } from './contract/uniqueness.js';
import { updatesContract } from './contract/updates.js';
import { validationContract } from './contract/validation.js';

for (const backend of BACKENDS) {
  describe.skipIf(!backend.enabled)(`store contract on ${backend.name}`, () => {
    crudContract(backend);
    uniquenessContract(backend);
    updatesContract(backend);
    validationContract(backend);
    aggregationContract(backend);
    persistenceContract(backend);
  });
}
