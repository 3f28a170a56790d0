import { existsSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { logger } from '../../logger.js';
import { DataDirError } from '../errors.js';
import type { CollectionBackend, StoreBackend } from '../port.js';
import { prepareCollectionTable } from './collectionTable.js';
import { CommitGroups } from './commitGroups.js';
import { importNedbDatafile, NEDB_ASIDE_DIR } from './nedbImport.js';
import { SqliteCollection } from './sqliteCollection.js';
import { DATABASE_FILE, openDatabaseFile } from './sqliteFile.js';

/**
 * The embedded backend: one SQLite database (`store.sqlite`, WAL mode) in
 * the data directory, one table per collection, held by this process alone
 * (sqliteFile.ts). Only SQLite's page cache is in memory, not the data set.
 * A directory written by the nedb backend it replaces is imported on first
 * open, collection by collection, the old files kept aside.
 */
export async function openEmbeddedBackend(dataDir: string): Promise<StoreBackend> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const { db, release } = openDatabaseFile(dir);
  const groups = new CommitGroups(db);
  let open = true;
  await setAsideNedbLock(dir);
  return {
    kind: 'embedded',
    location: dir,
    async collection(name, schema): Promise<CollectionBackend> {
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw new Error(`invalid collection name "${name}"`);
      try {
        const { table, columns } = prepareCollectionTable(db, name, schema);
        const imported = importNedbDatafile(db, dir, name, table);
        if (imported) logger.warn(imported, `embedded store: imported ${imported.records} ${name} from the nedb backend's ${name}.db into ${DATABASE_FILE}; the old file is kept at ${imported.keptAt}`);
        return new SqliteCollection(db, table, columns, groups, () => open);
      } catch (error) {
        throw new DataDirError(`${join(dir, DATABASE_FILE)}: collection ${name} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    inOneCommit: (work) => groups.inOneCommit(work),
    async close() {
      if (!open) return;
      open = false;
      // A group still running when the store closes: what it wrote so far is kept, as if each write had committed.
      groups.commit();
      release();
    },
  };
}

/** The nedb backend's LOCK file (a pid) means nothing to SQLite's lock: moved aside with its datafiles, so nobody mistakes it for a claim. */
async function setAsideNedbLock(dir: string): Promise<void> {
  if (!existsSync(join(dir, 'LOCK'))) return;
  await mkdir(join(dir, NEDB_ASIDE_DIR), { recursive: true });
  await rename(join(dir, 'LOCK'), join(dir, NEDB_ASIDE_DIR, 'LOCK'));
}
