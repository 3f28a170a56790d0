import { describe, expect, it } from 'vitest';
import { runPages } from '../../server/connectors/pageRun.js';
import { newStreamHealth } from '../../server/connectors/streamHealth.js';
import type { Message } from '../../server/routing/index.js';
import { MemoryCheckpoints, MemorySink } from './fakes.js';

const mention = (id: string): Message => ({
  id: `x:${id}`, platform: 'x', channel: 'public', text: `@AcmeHelp ${id}`, createdAt: new Date().toISOString(),
  author: { id: '7', handle: 'jane' }, threadId: id, kind: 'post',
});

describe('a page run stopped while a page is on its way', () => {
  it('does not store a page answered after stop began, nor move the checkpoint past it', async () => {
    const checkpoints = new MemoryCheckpoints();
    await checkpoints.save('x', 'mentions', { newestId: '100' });
    const sink = new MemorySink();
    let stopping = false;
    const complete = await runPages({
      connector: 'x', stream: 'mentions', checkpoints, sink, health: newStreamHealth('mentions'),
      isStaleToken: () => false,
      keepGoing: () => !stopping,
      fetchPage: async () => {
        // Stop begins while the answer is on its way.
        stopping = true;
        return { messages: [mention('101'), mention('102')], newestId: '102' };
      },
    });
    expect(complete).toBe(false);
    expect(sink.calls).toBe(0);
    expect(await checkpoints.load('x', 'mentions')).toEqual({ newestId: '100' });
  });
});
