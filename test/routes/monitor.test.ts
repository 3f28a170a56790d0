import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCareServer, type CareServer, type Client } from './careClient.js';

let care: CareServer;
let mia: Client;
beforeAll(async () => {
  care = await startCareServer();
  mia = await care.login('mia');
});
afterAll(async () => {
  await care.stop();
});

interface Thread {
  id: string;
  messages: Array<{ id: string; text: string; author: { handle: string | null; name: string | null } }>;
  [field: string]: unknown;
}

async function threads(query = 'limit=50'): Promise<Thread[]> {
  const reply = await mia.get(`/api/monitor/threads?${query}`);
  expect(reply.status).toBe(200);
  return reply.body.threads;
}

describe('GET /api/monitor/threads', () => {
  it('masks e-mail addresses, phone numbers and card numbers in public posts (and author names)', async () => {
    const id = await care.openCase('my email is jane.doe@example.com, call +44 20 7946 0958, card 4111 1111 1111 1111 got charged', {
      author: { id: 'cust-7', handle: 'janedoe', name: 'Jane 555-1234' },
    });
    const thread = (await threads()).find((item) => item.id === id)!;
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]!.text).toBe('my email is [email], call [phone], card [card] got charged');
    expect(thread.messages[0]!.author).toEqual({ handle: 'janedoe', name: 'Jane [phone]' });
    expect(JSON.stringify(thread)).not.toMatch(/jane\.doe@|7946|4111|cust-7/);
  });

  it('shows a thread\'s public messages, oldest first, and the thread\'s shape', async () => {
    const id = await care.openCase('the app is broken', { createdAt: '2026-11-22T09:00:00Z', threadId: 'monitor-thread-1', id: 'chat:monitor-1' });
    await care.ingest([{ id: 'chat:monitor-2', platform: 'chat', channel: 'public', text: 'still broken', createdAt: '2026-11-22T09:05:00Z', threadId: 'monitor-thread-1', author: { id: 'c' } }]);
    const thread = (await threads()).find((item) => item.id === id)!;
    expect(thread).toEqual({
      id,
      platform: 'chat',
      threadId: 'monitor-thread-1',
      team: 'social',
      status: 'new',
      tags: ['outage'],
      createdAt: expect.any(String),
      lastActivityAt: '2026-11-22T09:05:00.000Z',
      messages: [
        { id: 'chat:monitor-1', createdAt: '2026-11-22T09:00:00.000Z', author: { handle: expect.any(String), name: null }, text: 'the app is broken', lang: null },
        { id: 'chat:monitor-2', createdAt: '2026-11-22T09:05:00.000Z', author: { handle: null, name: null }, text: 'still broken', lang: null },
      ],
    });
  });

  it('never lists DMs or tier 2 cases, even public ones', async () => {
    const dm = await care.openCase('my address is 1 Main St', { channel: 'dm' });
    const tier2 = await care.openCase('refund to card 4111 1111 1111 1111');
    const ids = (await threads()).map((thread) => thread.id);
    expect(ids).not.toContain(dm);
    expect(ids).not.toContain(tier2);
  });

  it('pages newest activity first with the cursor', async () => {
    const opened: string[] = [];
    for (let minute = 0; minute < 3; minute++) opened.push(await care.openCase('paging the monitor', { createdAt: `2032-01-01T00:0${minute}:00Z` }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const reply = await mia.get(`/api/monitor/threads?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...reply.body.threads.map((thread: Thread) => thread.id));
      cursor = reply.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 3)).toEqual([...opened].reverse());
  });

  it('answers 400 for a bad limit or cursor', async () => {
    const reply = await mia.get('/api/monitor/threads?limit=51&cursor=%%%');
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ pointer: '/limit', message: 'must be <= 50' }]);
    expect((await mia.get('/api/monitor/threads?cursor=abc')).body.error.details).toEqual([{ pointer: '/cursor', message: 'is not a cursor this API returned' }]);
  });
});
