/** The embedded backend's files: torn tails, corrupt lines, the directory lock, unique indexes the data breaks. */
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError, openStore } from '../../server/store/index.js';
import { newMessage, newUser } from './factories.js';

describe('embedded backend files', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'store-files-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps one datafile per collection and says where it is', async () => {
    const store = await openStore({ dataDir });
    expect(store).toMatchObject({ backend: 'embedded', location: dataDir });
    await store.collections.messages.insertOne(newMessage({ externalId: 'on-disk' }));
    expect(await readFile(join(dataDir, 'messages.db'), 'utf8')).toContain('"externalId":"on-disk"');
    await store.close();
  });

  it('drops a torn last line (a write cut off by a crash) and loads the rest', async () => {
    const store = await openStore({ dataDir });
    await store.collections.messages.insertMany([newMessage({ externalId: 'a' }), newMessage({ externalId: 'b' })]);
    await store.close();
    await appendFile(join(dataDir, 'messages.db'), '{"_id":"half","platform":"x","externalId":"c","chan');
    const reopened = await openStore({ dataDir });
    expect((await reopened.collections.messages.find({}, { sort: { externalId: 1 } })).map((message) => message.externalId)).toEqual(['a', 'b']);
    await reopened.collections.messages.insertOne(newMessage({ externalId: 'c' }));
    await reopened.close();
    const lines = (await readFile(join(dataDir, 'messages.db'), 'utf8')).split('\n').filter(Boolean);
    expect(() => lines.forEach((line) => JSON.parse(line))).not.toThrow();
  });

  it('refuses to open a datafile with a corrupt line in the middle rather than lose documents silently', async () => {
    const store = await openStore({ dataDir });
    await store.collections.messages.insertOne(newMessage());
    await store.close();
    await appendFile(join(dataDir, 'messages.db'), 'not json at all\n{"_id":"z","platform":"x"}\n');
    await expect(openStore({ dataDir })).rejects.toThrow(/messages\.db cannot be opened/);
  });

  it('refuses to open when the data already breaks a unique index of the schema', async () => {
    const store = await openStore({ dataDir });
    await store.collections.users.insertOne(newUser({ username: 'ana' }));
    await store.close();
    const line = (await readFile(join(dataDir, 'users.db'), 'utf8')).split('\n').find((entry) => entry.includes('"username":"ana"'));
    await appendFile(join(dataDir, 'users.db'), `${line!.replace(/"_id":"[0-9a-f]+"/, '"_id":"copy"')}\n`);
    await expect(openStore({ dataDir })).rejects.toBeInstanceOf(DataDirError);
    // The failed open released the directory.
    await expect(openStore({ dataDir })).rejects.toThrow(/users\.db cannot be opened: .*unique constraint/);
  });

  it('lets one store at a time use a directory, and takes over a lock left by a dead process', async () => {
    const store = await openStore({ dataDir });
    await expect(openStore({ dataDir })).rejects.toThrow(/already open in this process/);
    await store.close();
    await writeFile(join(dataDir, 'LOCK'), '2147483646\n');
    const after = await openStore({ dataDir });
    expect(await readFile(join(dataDir, 'LOCK'), 'utf8')).toBe(`${process.pid}\n`);
    await after.close();
  });

  it('refuses operations after close', async () => {
    const store = await openStore({ dataDir });
    await store.close();
    await expect(store.collections.messages.find({})).rejects.toThrow(/closed/);
  });
});
