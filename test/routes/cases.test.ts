import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerMessage, startCareServer, type CareServer, type Client } from './careClient.js';

let care: CareServer;
let admin: Client;
let ana: Client;
beforeAll(async () => {
  care = await startCareServer();
  admin = await care.login('admin');
  ana = await care.login('ana');
});
afterAll(async () => {
  await care.stop();
});

/** Every case a client lists with the query, page by page (`limit` per page). */
async function allPages(client: Client, query: string): Promise<Array<{ id: string; lastActivityAt: string }>> {
  const listed: Array<{ id: string; lastActivityAt: string }> = [];
  let cursor: string | null = null;
  do {
    const reply = await client.get(`/api/cases?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(reply.status).toBe(200);
    listed.push(...reply.body.cases);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return listed;
}

describe('GET /api/cases', () => {
  it('presents each case with the fields of api.md', async () => {
    const id = await care.openCase('the app is broken', { author: { id: 'cust-42', handle: 'jane', name: 'Jane Doe' } });
    const reply = await admin.get('/api/cases?team=social&limit=100');
    const found = reply.body.cases.find((item: { id: string }) => item.id === id);
    expect(found).toEqual({
      id,
      tier: 1,
      team: 'social',
      status: 'new',
      priority: 'normal',
      tags: ['outage'],
      assignee: null,
      channel: 'public',
      platform: 'chat',
      threadId: expect.any(String),
      customer: { id: 'cust-42', handle: 'jane', name: 'Jane Doe' },
      routing: { ruleId: 'outage', ruleSetVersion: 1 },
      slaDueAt: expect.stringMatching(/Z$/),
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      version: 1,
      escalated: false,
      messageCount: 1,
      lastActivityAt: expect.stringMatching(/Z$/),
      resolvedAt: null,
    });
  });

  it('lists newest activity first and pages with the cursor, each case once', async () => {
    const opened: string[] = [];
    for (let minute = 0; minute < 5; minute++) {
      opened.push(await care.openCase('paging', { createdAt: `2031-01-01T00:0${minute}:00Z` }));
    }
    const listed = await allPages(ana, 'limit=2');
    const ids = listed.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = listed.map((item) => item.lastActivityAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(ids.filter((id) => opened.includes(id))).toEqual([...opened].reverse());
  });

  it('pages through cases with the same activity time by id', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) opened.push(await care.openCase('same time', { createdAt: '2030-06-01T00:00:00Z' }));
    const listed = (await allPages(admin, 'limit=1&team=care')).map((item) => item.id);
    expect(listed.filter((id) => opened.includes(id))).toEqual([...opened].sort().reverse());
  });

  it('filters by team, tier and status', async () => {
    const refund = await care.openCase('refund please');
    const tier2 = (await admin.get('/api/cases?tier=2&limit=100')).body.cases;
    expect(tier2.map((item: { id: string }) => item.id)).toContain(refund);
    expect(tier2.every((item: { tier: number; team: string }) => item.tier === 2 && item.team === 'helpdesk')).toBe(true);
    const resolved = await care.openCase('thanks, all good');
    expect((await ana.patch(`/api/cases/${resolved}`, { status: 'resolved' })).status).toBe(200);
    const listed = (await ana.get('/api/cases?status=resolved&team=care')).body.cases;
    expect(listed.map((item: { id: string }) => item.id)).toContain(resolved);
    expect(listed.every((item: { status: string; team: string }) => item.status === 'resolved' && item.team === 'care')).toBe(true);
  });

  it('answers 400 with a pointer per bad query parameter', async () => {
    const reply = await admin.get('/api/cases?limit=0&tier=5&status=closed&sort=old');
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual(expect.arrayContaining([
      { pointer: '/limit', message: 'must be >= 1' },
      { pointer: '/tier', message: 'must be one of 0, 1, 2' },
      { pointer: '/status', message: 'must be one of "new", "open", "pending", "resolved", "bot"' },
      { pointer: '/sort', message: 'is not a known property here' },
    ]));
    expect((await admin.get('/api/cases?limit=101')).status).toBe(400);
    expect((await admin.get('/api/cases?team=care&team=social')).body.error.details).toEqual([{ pointer: '/team', message: 'must be string' }]);
    const cursor = await admin.get('/api/cases?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details).toEqual([{ pointer: '/cursor', message: 'is not a cursor this API returned' }]);
  });
});

describe('GET /api/cases/:id', () => {
  it('returns the case with its messages oldest first and its events in seq order', async () => {
    const first = customerMessage('my order never came', { createdAt: '2026-11-21T10:05:00Z' });
    const earlier = customerMessage('earlier in the thread', { createdAt: '2026-11-21T10:00:00Z', threadId: first.id.slice('chat:'.length) });
    await care.ingest([first]);
    await care.ingest([earlier]);
    const id = await care.caseOf(first);
    const reply = await ana.get(`/api/cases/${id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.case).toMatchObject({ id, team: 'care', messageCount: 2 });
    expect(reply.body.messages.map((message: { id: string }) => message.id)).toEqual([earlier.id, first.id]);
    expect(reply.body.messages[1]).toEqual({ ...first, attachments: undefined });
    expect(reply.body.events.map((event: { seq: number; type: string }) => [event.seq, event.type])).toEqual([[1, 'created'], [2, 'message']]);
    expect(reply.body.events[0]).toMatchObject({ caseId: id, actor: { kind: 'system', id: 'ingest' }, data: { messageId: first.id } });
  });

  it('is a 404 for an id that matches no case', async () => {
    const reply = await admin.get('/api/cases/no-such-case');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({ code: 'not_found', message: 'case not found' });
  });
});
