/** The embedded backend's commit groups: when grouped and ungrouped writes are committed, seen from a second connection to the database. */
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommitGroups } from '../../server/store/embedded/commitGroups.js';

describe('commit groups (embedded backend)', () => {
  let dir: string;
  let db: Database.Database;
  let reader: Database.Database;
  let groups: CommitGroups;
  const insert = (id: string) => groups.write(() => db.prepare('INSERT INTO rows (id) VALUES (?)').run(id));
  /** What another connection sees: committed rows only. */
  const committed = () => reader.prepare('SELECT id FROM rows ORDER BY id').pluck().all();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'commit-groups-'));
    db = new Database(join(dir, 'store.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE rows (id TEXT PRIMARY KEY)');
    reader = new Database(join(dir, 'store.sqlite'), { readonly: true });
    groups = new CommitGroups(db);
  });
  afterEach(async () => {
    reader.close();
    db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('commits a write outside a group before it returns', () => {
    insert('a');
    expect(committed()).toEqual(['a']);
    expect(db.inTransaction).toBe(false);
  });

  it('commits a group\'s writes once, when its work is done, before its promise resolves', async () => {
    const seenInside: unknown[][] = [];
    await groups.inOneCommit(async () => {
      insert('a');
      await Promise.resolve();
      insert('b');
      seenInside.push(committed(), db.prepare('SELECT id FROM rows ORDER BY id').pluck().all());
    });
    expect(seenInside).toEqual([[], ['a', 'b']]);
    expect(committed()).toEqual(['a', 'b']);
  });

  it('keeps each write atomic inside a group: a failing write undoes only itself', async () => {
    await groups.inOneCommit(async () => {
      insert('a');
      expect(() => groups.write(() => {
        db.prepare('INSERT INTO rows (id) VALUES (?)').run('b');
        db.prepare('INSERT INTO rows (id) VALUES (?)').run('a');
      })).toThrow(/UNIQUE/);
      insert('c');
    });
    expect(committed()).toEqual(['a', 'c']);
  });

  it('commits what a group wrote so far along with a write outside it, and the group\'s later writes at its end', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    const group = groups.inOneCommit(async () => {
      insert('a');
      await paused;
      insert('c');
    });
    await Promise.resolve();
    insert('b');
    expect(committed()).toEqual(['a', 'b']);
    release();
    await group;
    expect(committed()).toEqual(['a', 'b', 'c']);
  });

  it('commits what a failed group wrote (as writes committed one by one would have kept it) and passes its error on', async () => {
    await expect(groups.inOneCommit(async () => {
      insert('a');
      throw new Error('work failed');
    })).rejects.toThrow('work failed');
    expect(committed()).toEqual(['a']);
  });

  it('commits on their own the writes of a task the work left running', async () => {
    let late!: Promise<void>;
    await groups.inOneCommit(async () => {
      late = Promise.resolve().then(() => new Promise((resolve) => setImmediate(resolve))).then(() => void insert('late'));
    });
    await late;
    expect(committed()).toEqual(['late']);
  });

  it('runs a nested group as part of the outer one', async () => {
    await groups.inOneCommit(async () => {
      await groups.inOneCommit(async () => void insert('a'));
      expect(committed()).toEqual([]);
    });
    expect(committed()).toEqual(['a']);
  });

  it('fails a group whose transaction SQLite rolled back, instead of resolving as if it were stored', async () => {
    await expect(groups.inOneCommit(async () => {
      insert('a');
      // What SQLite does by itself on a full disk or an I/O error.
      db.exec('ROLLBACK');
      insert('b');
    })).rejects.toThrow(/rolled back a transaction/);
    expect(committed()).toEqual(['b']);
  });
});
