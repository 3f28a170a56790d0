import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataDirError } from '../errors.js';

const LOCK_FILE = 'LOCK';
const heldHere = new Set<string>();

/** A held data directory; release() lets another process (or a later open) use it. */
export interface DataDirLock {
  release(): Promise<void>;
}

/**
 * Claims a data directory for this process. The embedded backend keeps the
 * data in memory and appends to its files, so two processes (or two opens in
 * one process) on one directory would overwrite each other's writes. The
 * claim is a LOCK file holding the owner's pid, created complete in one step
 * (written aside, then hard-linked into place); one left behind by a process
 * that no longer exists (e.g. killed) is taken over.
 */
export async function lockDataDir(dir: string): Promise<DataDirLock> {
  if (heldHere.has(dir)) throw new DataDirError(`data directory ${dir} is already open in this process`);
  heldHere.add(dir);
  try {
    await claim(dir);
  } catch (error) {
    heldHere.delete(dir);
    throw error;
  }
  return { release: () => release(dir) };
}

async function claim(dir: string): Promise<void> {
  const file = join(dir, LOCK_FILE);
  const draft = join(dir, `${LOCK_FILE}.${process.pid}`);
  await writeFile(draft, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, file);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
          throw new DataDirError(`data directory ${dir} is in use by process ${owner} (the embedded store allows one process)`);
        }
        await unlink(file).catch(ignoreMissing);
      }
    }
    throw new DataDirError(`could not claim data directory ${dir}`);
  } finally {
    await unlink(draft).catch(ignoreMissing);
  }
}

async function release(dir: string): Promise<void> {
  heldHere.delete(dir);
  await unlink(join(dir, LOCK_FILE)).catch(ignoreMissing);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
