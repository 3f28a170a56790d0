import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredRecord } from '../port.js';
import { recordToJson } from './recordJson.js';

/** Where a data directory's nedb files go once imported (kept, never read again). */
export const NEDB_ASIDE_DIR = 'nedb-before-sqlite';

/** What importing one collection's nedb datafile did. */
export interface NedbImport {
  collection: string;
  records: number;
  keptAt: string;
}

/**
 * Imports a collection's datafile from the nedb backend (before SQLite),
 * `<name>.db`, into its (empty) table, in one transaction that also notes
 * the import, then moves the file aside into `nedb-before-sqlite/`. A crash
 * after the commit leaves the file in place: the next start sees the note
 * and only moves it. Null when there is no such file.
 */
export function importNedbDatafile(db: Database, dir: string, collection: string, table: string): NedbImport | null {
  const file = join(dir, `${collection}.db`);
  if (!existsSync(file)) return null;
  const key = `nedb-imported:${collection}`;
  db.exec('CREATE TABLE IF NOT EXISTS "store_meta" ("key" TEXT PRIMARY KEY NOT NULL, "value" TEXT NOT NULL)');
  const done = db.prepare('SELECT "value" FROM "store_meta" WHERE "key" = ?').pluck().get(key) as string | undefined;
  let records = done === undefined ? 0 : Number(done);
  if (done === undefined) {
    const latest = nedbRecords(readFileSync(file, 'utf8'), file);
    const insert = db.prepare(`INSERT INTO ${table} ("_id", "_rev", "doc") VALUES (?, ?, ?)`);
    db.transaction(() => {
      for (const record of latest) insert.run(record._id, typeof record._rev === 'number' ? record._rev : 0, recordToJson(record));
      db.prepare('INSERT INTO "store_meta" ("key", "value") VALUES (?, ?)').run(key, String(latest.length));
    })();
    records = latest.length;
  }
  const aside = join(dir, NEDB_ASIDE_DIR);
  mkdirSync(aside, { recursive: true });
  // Never over an earlier copy (a file put back after its import is kept beside it).
  const keptAt = existsSync(join(aside, `${collection}.db`)) ? join(aside, `${collection}.db.${Date.now()}`) : join(aside, `${collection}.db`);
  renameSync(file, keptAt);
  return { collection, records, keptAt };
}

/**
 * The records a nedb datafile holds: its lines in order, each a record
 * (the latest line of an `_id` wins), a `{"$$deleted": true, "_id"}`
 * removal, or an index line (`$$indexCreated`/`$$indexRemoved`, ignored:
 * the schema declares the indexes). Dates are `{"$$date": ms}`. A partial
 * last line (a write cut off by a crash, never acknowledged) is dropped; a
 * bad line anywhere else is an error, as nedb made it.
 */
export function nedbRecords(text: string, file: string): StoredRecord[] {
  const lines = text.split('\n');
  const last = lines.length - 1;
  const byId = new Map<string, StoredRecord>();
  lines.forEach((line, index) => {
    if (line === '') return;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(line) as Record<string, unknown>;
    } catch (error) {
      if (index === last) return;
      throw new Error(`${file}: line ${index + 1} is not JSON`, { cause: error });
    }
    if ('$$indexCreated' in parsed || '$$indexRemoved' in parsed) return;
    if (typeof parsed._id !== 'string') throw new Error(`${file}: line ${index + 1} has no string _id`);
    if (parsed.$$deleted === true) byId.delete(parsed._id);
    else byId.set(parsed._id, nedbDates(parsed) as StoredRecord);
  });
  return [...byId.values()];
}

function nedbDates(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(nedbDates);
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === '$$date' && typeof object.$$date === 'number') return new Date(object.$$date);
  for (const key of keys) {
    const item = nedbDates(object[key]);
    if (key === '__proto__') Object.defineProperty(object, key, { value: item, enumerable: true, writable: true, configurable: true });
    else object[key] = item;
  }
  return object;
}
