/** A data directory written by the nedb embedded backend (before SQLite) is imported on first open, its files kept aside. */
import Database from 'better-sqlite3';
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger } from '../../server/logger.js';
import { allTeamsScope, openStore } from '../../server/store/index.js';
import { newMessage } from './factories.js';

/** Written by the nedb backend itself (commit 8705123): inserts, two updates of case-1, a deleted and an edited message. */
const FIXTURE = fileURLToPath(new URL('./fixtures/nedbDataDir', import.meta.url));

describe('importing a nedb data directory', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'store-import-'));
    await cp(FIXTURE, dataDir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports the latest version of every record (dates as dates), drops a torn last line, and keeps the old files aside', async () => {
    await appendFile(join(dataDir, 'messages.db'), '{"_id":"half","platform":"x","externalId":"torn","chan');
    const warn = vi.spyOn(logger, 'warn');
    const store = await openStore({ dataDir });
    // Start-up says what it imported and where the old file went.
    expect(warn).toHaveBeenCalledWith(
      { collection: 'messages', records: 6, keptAt: join(dataDir, 'nedb-before-sqlite', 'messages.db') },
      `embedded store: imported 6 messages from the nedb backend's messages.db into store.sqlite; the old file is kept at ${join(dataDir, 'nedb-before-sqlite', 'messages.db')}`,
    );
    warn.mockRestore();
    const { messages, cases, users, teams, caseEvents } = store.collections;
    const stored = await messages.find({}, { sort: { _id: 1 } });
    expect(stored.map((message) => message._id)).toEqual(['msg-0', 'msg-1', 'msg-2', 'msg-4', 'msg-5', 'msg-6']);
    expect(stored[3]).toMatchObject({ text: 'edited', createdAt: new Date(Date.UTC(2026, 10, 20, 14, 4)) });
    expect(stored[0]!.text).toBe('message 0 with "quotes" and ünïcödé');
    expect(stored[5]!.extra).toBe('{"a.b":1}');
    expect(await cases.findOne(allTeamsScope(), { _id: 'case-1' })).toMatchObject({ status: 'open', assignee: 'ana', version: 3, slaDueAt: new Date('2026-11-21T10:00:00Z') });
    expect(await cases.countDocuments(allTeamsScope(), {})).toBe(2);
    expect(await users.findOne({ username: 'ana' })).toMatchObject({ _id: 'user-ana', teams: ['care', 'billing'] });
    expect(await teams.countDocuments({ name: 'care' })).toBe(1);
    expect(await caseEvents.countDocuments({ caseId: 'case-1', seq: 1 })).toBe(1);
    // Imported records behave like any other: unique indexes, updates at their revision.
    expect((await messages.insertOne(newMessage({ externalId: 'ext-0' }))).status).toBe('duplicate');
    expect(await cases.updateOne(allTeamsScope(), { _id: 'case-1', version: 3 }, { $set: { status: 'pending' }, $inc: { version: 1 } })).toEqual({ matched: true, modified: true });
    await store.close();

    expect((await readdir(dataDir)).filter((file) => file.endsWith('.db'))).toEqual([]);
    expect((await readdir(join(dataDir, 'nedb-before-sqlite'))).sort()).toEqual((await readdir(FIXTURE)).sort());
    const reopened = await openStore({ dataDir });
    expect(await reopened.collections.messages.countDocuments({})).toBe(6);
    expect(await reopened.collections.cases.findOne(allTeamsScope(), { _id: 'case-1' })).toMatchObject({ status: 'pending', version: 4 });
    await reopened.close();
  });

  it('does not import twice when a crash left a file in place after its import committed', async () => {
    await (await openStore({ dataDir })).close();
    await cp(join(FIXTURE, 'messages.db'), join(dataDir, 'messages.db'));
    const store = await openStore({ dataDir });
    expect(await store.collections.messages.countDocuments({})).toBe(6);
    await store.close();
    expect((await readdir(dataDir)).filter((file) => file.endsWith('.db'))).toEqual([]);
    expect((await readdir(join(dataDir, 'nedb-before-sqlite'))).filter((file) => file.startsWith('messages.db'))).toHaveLength(2);
  });

  it('refuses a datafile with a corrupt line before its end, importing nothing of it', async () => {
    await appendFile(join(dataDir, 'users.db'), 'not json at all\n{"_id":"z","username":"z"}\n');
    await expect(openStore({ dataDir })).rejects.toThrow(/users\.db: line 3 is not JSON/);
    const db = new Database(join(dataDir, 'store.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    db.close();
  });
});
