import { describe, expect, it } from 'vitest';
import { useCareServer } from './careClient.js';

const care = useCareServer();
const mia = care.loggedIn('mia');

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
      author: { id: 'cust-7', handle: 'janedoe', name: 'Jane (212) 555-0123' },
    });
    const thread = (await threads()).find((item) => item.id === id)!;
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]!.text).toBe('my email is [email], call [phone], card [card] got charged');
    expect(thread.messages[0]!.author).toEqual({ handle: 'janedoe', name: 'Jane [phone]' });
    expect(JSON.stringify(thread)).not.toMatch(/jane\.doe@|7946|4111|cust-7/);
  });

  it('shows a thread\'s public messages, oldest first, and the thread\'s shape', async () => {
    // One customer writing twice: one case (another customer in the thread would have a case of their own).
    const id = await care.openCase('the app is broken', { createdAt: '2026-11-22T09:00:00Z', threadId: 'monitor-thread-1', id: 'chat:monitor-1', author: { id: 'c' } });
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
        { id: 'chat:monitor-1', createdAt: '2026-11-22T09:00:00.000Z', author: { handle: null, name: null }, text: 'the app is broken', lang: null },
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
    // Seconds apart, from a minute ahead (the newest of the file): the server refuses instants more than a few minutes ahead.
    const start = Date.now() + 60_000;
    for (let second = 0; second < 3; second++) opened.push(await care.openCase('paging the monitor', { createdAt: new Date(start + second * 1000).toISOString() }));
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

  it('takes pages of up to 100 like /api/cases (one rule for page sizes); 400 for a bad limit or cursor', async () => {
    expect((await mia.get('/api/monitor/threads?limit=100')).status).toBe(200);
    const reply = await mia.get('/api/monitor/threads?limit=101&cursor=%%%');
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ pointer: '/limit', message: 'must be <= 100' }]);
    expect((await mia.get('/api/monitor/threads?cursor=abc')).body.error.details).toEqual([{ pointer: '/cursor', message: 'is not a cursor this API returned' }]);
  });
});
