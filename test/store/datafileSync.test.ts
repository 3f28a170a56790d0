/** Group commit: a sync resolves only after a flush that started after it was asked for; concurrent callers share flushes. */
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatafileSync, OpenDatafile } from '../../server/store/embedded/datafileSync.js';

/** A flush the test completes by hand. */
function manualFlushes() {
  const pending: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  const flush = () => new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  return { flush, pending };
}

const settled = async (promise: Promise<unknown>) => {
  let done = false;
  void promise.then(() => (done = true), () => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe('DatafileSync', () => {
  it('flushes once for a lone caller', async () => {
    const { flush, pending } = manualFlushes();
    const sync = new DatafileSync('f', flush);
    const done = sync.sync();
    expect(pending).toHaveLength(1);
    pending[0]!.resolve();
    await done;
    expect(sync.flushes).toBe(1);
  });

  it('makes callers arriving during a flush wait for the next one, which they all share', async () => {
    const { flush, pending } = manualFlushes();
    const sync = new DatafileSync('f', flush);
    const first = sync.sync();
    const later = [sync.sync(), sync.sync(), sync.sync()];
    pending[0]!.resolve();
    await first;
    expect(await settled(later[0]!)).toBe(false);
    expect(pending).toHaveLength(2);
    pending[1]!.resolve();
    await Promise.all(later);
    expect(sync.flushes).toBe(2);
  });

  it('rejects the callers of a failed flush and recovers for the next', async () => {
    const { flush, pending } = manualFlushes();
    const sync = new DatafileSync('f', flush);
    const failing = sync.sync();
    pending[0]!.reject(new Error('EIO'));
    await expect(failing).rejects.toThrow('EIO');
    const next = sync.sync();
    pending[1]!.resolve();
    await expect(next).resolves.toBeUndefined();
  });
});

describe('OpenDatafile', () => {
  it('appends through the handle it keeps, and follows the name once the file was replaced (as compaction renames a new one over it)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'datafile-'));
    const file = join(dir, 'c.db');
    try {
      await writeFile(file, 'a\n');
      const datafile = new OpenDatafile(file);
      await datafile.append('b\n');
      await datafile.datasync();
      await writeFile(`${file}~`, 'compacted\n');
      await rename(`${file}~`, file);
      // Still the handle opened before: the line goes to the file it has, not the new one.
      await datafile.append('lost\n');
      expect(await readFile(file, 'utf8')).toBe('compacted\n');
      datafile.replaced();
      await datafile.append('c\n');
      await datafile.datasync();
      expect(await readFile(file, 'utf8')).toBe('compacted\nc\n');
      await datafile.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
