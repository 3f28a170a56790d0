/** The embedded backend's files: one SQLite database, its tables and indexes, the one-process claim, data a unique index refuses, closing. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError, openStore } from '../../server/store/index.js';
import { newMessage, newUser } from './factories.js';

const HOLDER = fileURLToPath(new URL('./fixtures/holdStore.ts', import.meta.url));

/** Reads the database file directly (the store must be closed: it holds the file exclusively). */
function inspect<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

describe('embedded backend files', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'store-files-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps one table per collection in store.sqlite, with the schema indexes, and says where it is', async () => {
    const store = await openStore({ dataDir });
    expect(store).toMatchObject({ backend: 'embedded', location: dataDir });
    await store.collections.messages.insertOne(newMessage({ externalId: 'on-disk' }));
    await store.close();
    const { doc, indexes, plan } = inspect(dataDir, (db) => ({
      doc: db.prepare('SELECT doc FROM messages').pluck().get() as string,
      indexes: db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL").pluck().all() as string[],
      plan: (db.prepare('EXPLAIN QUERY PLAN SELECT doc FROM messages WHERE "platform/string" = ? AND "externalId/string" = ?').all('x', 'on-disk') as Array<{ detail: string }>).map((row) => row.detail).join('; '),
    }));
    expect(JSON.parse(doc)).toMatchObject({ externalId: 'on-disk', createdAt: { $date: Date.parse('2026-11-20T14:03:00Z') } });
    expect(indexes).toContain('cases:team/string ASC,lastActivityAt/date DESC,_id DESC');
    expect(indexes).toContain('cases:status/string ASC,slaDueAt/date ASC');
    expect(plan).toMatch(/USING INDEX messages:unique:platform\/string ASC,externalId\/string ASC/);
  });

  it('refuses to open when the data already breaks a unique index of the schema, and releases the directory', async () => {
    const store = await openStore({ dataDir });
    await store.collections.users.insertOne(newUser({ username: 'ana' }));
    await store.close();
    const db = new Database(join(dataDir, 'store.sqlite'));
    db.exec('DROP INDEX "users:unique:username/string ASC"');
    db.exec(`INSERT INTO users (_id, _rev, doc) SELECT 'copy', _rev, json_set(doc, '$._id', 'copy') FROM users`);
    db.close();
    await expect(openStore({ dataDir })).rejects.toBeInstanceOf(DataDirError);
    await expect(openStore({ dataDir })).rejects.toThrow(/collection users cannot be opened: UNIQUE constraint failed/);
  });

  it('refuses a second open in this process while the first is open', async () => {
    const store = await openStore({ dataDir });
    await expect(openStore({ dataDir })).rejects.toThrow(/already open in this process/);
    await store.close();
    await (await openStore({ dataDir })).close();
  });

  it('refuses a directory another live process holds, and opens it as soon as that process is killed', async () => {
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const lines = createInterface({ input: holder.stdout });
    for await (const line of lines) if (line === 'ready') break;
    await expect(openStore({ dataDir })).rejects.toThrow(new RegExp(`data directory ${dataDir} is in use by another process`));
    holder.kill('SIGKILL');
    await once(holder, 'exit');
    // The kernel released the lock with the process: nothing left behind to take over.
    const store = await openStore({ dataDir });
    await store.close();
  });

  it('is not blocked by a LOCK file naming a live process (the nedb backend’s claim); it is moved aside', async () => {
    await writeFile(join(dataDir, 'LOCK'), `${process.ppid}\n`);
    const store = await openStore({ dataDir });
    await store.collections.messages.insertOne(newMessage());
    await store.close();
    expect(await readFile(join(dataDir, 'nedb-before-sqlite', 'LOCK'), 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('refuses operations after close', async () => {
    const store = await openStore({ dataDir });
    await store.close();
    await expect(store.collections.messages.find({})).rejects.toThrow(/closed/);
  });
});
