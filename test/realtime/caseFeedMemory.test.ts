import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import { CaseFeed } from '../../server/realtime/caseFeed.js';
import type { LiveIo } from '../../server/realtime/liveIo.js';
import { allCases, message, useIngestStore } from '../commands/ingestFixture.js';

const { store, ingest } = useIngestStore();
// Not attached to any HTTP server: it holds no port or socket, so there is nothing to close.
const io = new Server() as LiveIo;

describe('the live case feed\'s memory', () => {
  it('remembers the teams of the most recently announced cases only, up to its bound', async () => {
    const feed = new CaseFeed(io, store(), () => undefined, 2);
    for (const author of ['A', 'B', 'C']) {
      const result = await ingest([message('my parcel is late', author)]);
      await feed.announceStored(result.cases, result.stored);
    }
    expect(feed.rememberedCases).toBe(2);
    // Announcing a remembered case again keeps it and forgets none.
    const newest = (await allCases(store())).at(-1)!;
    await feed.casesChanged([newest._id]);
    expect(feed.rememberedCases).toBe(2);
  });
});
