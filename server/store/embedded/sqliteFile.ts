import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DataDirError } from '../errors.js';

/** The SQLite database file in a data directory (its `-wal` file beside it). */
export const DATABASE_FILE = 'store.sqlite';

const WAL_CHECKPOINT_PAGES = 10_000;
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024;

/** Directories opened by this process (SQLite would refuse a second open too, but with a less telling message). */
const heldHere = new Set<string>();

/**
 * Opens the data directory's database for this process alone:
 * - `locking_mode=EXCLUSIVE`, taken at once by a write transaction: the
 *   process holds the database file's OS lock (fcntl) until it closes the
 *   database or dies, when the kernel releases it. Another process, or a
 *   second open here, is refused at once (no waiting: busy timeout 0); a
 *   crashed process leaves no lock behind, whatever process ids are reused.
 * - WAL journal (entered in exclusive mode, so no shared-memory file), and
 *   `synchronous=FULL`: a transaction is on disk (WAL fsynced) when its
 *   commit returns, so an acknowledged write survives SIGKILL and power loss.
 * - The WAL is copied into the database file (a checkpoint, two fsyncs) once
 *   it holds 10,000 pages (40 MB) rather than SQLite's 1,000: under steady
 *   ingestion the same index pages are rewritten batch after batch, and
 *   checkpointing them every other batch was half of each commit's time.
 *   After a checkpoint the WAL file is cut back to 64 MB at most.
 */
export function openDatabaseFile(dir: string): { db: Database.Database; release(): void } {
  if (heldHere.has(dir)) throw new DataDirError(`data directory ${dir} is already open in this process`);
  let db: Database.Database | undefined;
  try {
    db = new Database(join(dir, DATABASE_FILE), { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
    db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
    db.exec('BEGIN IMMEDIATE; COMMIT');
  } catch (error) {
    db?.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
      throw new DataDirError(`data directory ${dir} is in use by another process (the embedded store allows one process; use MongoDB for several)`, { cause: error });
    }
    throw new DataDirError(`${join(dir, DATABASE_FILE)} cannot be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  heldHere.add(dir);
  const opened = db;
  return {
    db: opened,
    release() {
      heldHere.delete(dir);
      opened.close();
    },
  };
}
