/** Connector checkpoints kept in the store. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openStore, storedCheckpoints } from '../../server/store/index.js';

it('saves, overwrites and loads a stream checkpoint, surviving a restart', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'store-checkpoints-'));
  try {
    const store = await openStore({ dataDir });
    const checkpoints = storedCheckpoints(store.collections.checkpoints);
    expect(await checkpoints.load('x', 'mentions')).toBeNull();
    await checkpoints.save('x', 'mentions', { newestId: '5', run: { sinceId: '5', nextToken: 'p2' } });
    await checkpoints.save('x', 'mentions', { newestId: '9' });
    await checkpoints.save('x', 'dms', { run: { nextToken: 'd1' } });
    await store.close();
    const reopened = await openStore({ dataDir });
    const again = storedCheckpoints(reopened.collections.checkpoints);
    expect(await again.load('x', 'mentions')).toEqual({ newestId: '9' });
    expect(await again.load('x', 'dms')).toEqual({ run: { nextToken: 'd1' } });
    await reopened.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
