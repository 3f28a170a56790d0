import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CollectionBackend, StoreBackend } from '../port.js';
import { lockDataDir } from './dataDirLock.js';
import type { NedbCollection } from './nedbCollection.js';
import { openNedbCollection } from './openNedbCollection.js';

/**
 * The embedded backend: one nedb datafile per collection (`<name>.db`) in
 * the data directory, which this process claims for itself. The whole data
 * set is held in memory; every acknowledged write has been appended and
 * flushed to disk.
 */
export async function openEmbeddedBackend(dataDir: string): Promise<StoreBackend> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lock = await lockDataDir(dir);
  const opened: NedbCollection[] = [];
  return {
    kind: 'embedded',
    location: dir,
    async collection(name, schema): Promise<CollectionBackend> {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid collection name "${name}"`);
      const collection = await openNedbCollection(join(dir, `${name}.db`), name, schema);
      opened.push(collection);
      return collection;
    },
    async close() {
      await Promise.all(opened.map((collection) => collection.close()));
      await lock.release();
    },
  };
}
