import { describe, expect, it } from 'vitest';
import { listCases } from '../../server/cases/listCases.js';
import { allTeamsScope, UnsafeQueryError } from '../../server/store/index.js';
import { allCasePages, customerMessage, useCareServer } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');
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
      customer: { id: 'cust-42', handle: 'jane', name: 'Jane Doe', followers: null, vip: false },
      preview: 'the app is broken',
      routing: { ruleId: 'outage', ruleSetVersion: 1 },
      slaDueAt: expect.stringMatching(/Z$/),
      slaState: 'due',
      slaRemainingMs: null,
      snoozedUntil: null,
      firstResponseAt: null,
      replyIssue: null,
      firstMessageAt: expect.stringMatching(/Z$/),
      waitingSince: expect.stringMatching(/Z$/),
      createdAt: expect.stringMatching(/Z$/),
      updatedAt: expect.stringMatching(/Z$/),
      version: 1,
      escalated: false,
      messageCount: 1,
      lastActivityAt: expect.stringMatching(/Z$/),
      resolvedAt: null,
      erasedAt: null,
    });
  });

  it('lists newest activity first and pages with the cursor, each case once', async () => {
    const opened: string[] = [];
    // Seconds apart, from now: the server refuses instants more than a few minutes ahead.
    const start = Date.now();
    for (let second = 0; second < 5; second++) {
      opened.push(await care.openCase('paging', { createdAt: new Date(start + second * 1000).toISOString() }));
    }
    const listed = await allCasePages<{ id: string; lastActivityAt: string }>(ana, 'limit=2');
    const ids = listed.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    const times = listed.map((item) => item.lastActivityAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(ids.filter((id) => opened.includes(id))).toEqual([...opened].reverse());
  });

  it('pages through cases with the same activity time by id', async () => {
    const opened: string[] = [];
    const sameTime = new Date().toISOString();
    for (let i = 0; i < 3; i++) opened.push(await care.openCase('same time', { createdAt: sameTime }));
    const listed = (await allCasePages<{ id: string; lastActivityAt: string }>(admin, 'limit=1&team=care')).map((item) => item.id);
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
    const reply = await admin.get('/api/cases?limit=0&tier=5&status=closed&sort=old&order=asc');
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual(expect.arrayContaining([
      { pointer: '/limit', message: 'must be >= 1' },
      { pointer: '/tier', message: 'must be one of 0, 1, 2' },
      { pointer: '/status', message: 'must be one of "new", "open", "pending", "resolved", "bot", "suppressed"' },
      { pointer: '/sort', message: 'must be one of "activity", "due", "priority"' },
      { pointer: '/order', message: 'is not a known property here' },
    ]));
    expect((await admin.get('/api/cases?limit=101')).status).toBe(400);
    expect((await admin.get('/api/cases?team=care&team=social')).body.error.details).toEqual([{ pointer: '/team', message: 'must be string' }]);
    const cursor = await admin.get('/api/cases?cursor=bm90LWEtY3Vyc29y');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.details).toEqual([{ pointer: '/cursor', message: 'is not a cursor this API returned' }]);
  });
});

type Listed = { id: string; team: string; status: string; priority: string; tags: string[]; channel: string; assignee: string | null; slaDueAt: string | null; preview: string };

let tagCounter = 0;
/** A tag no other test uses. */
const freshTag = () => `t${process.pid}-${++tagCounter}`;

/** Tags a case (as admin, who may change any case); returns nothing, fails the test unless it answers 200. */
async function tag(caseId: string, tags: string[]): Promise<void> {
  expect((await admin.patch(`/api/cases/${caseId}`, { tags })).status).toBe(200);
}

describe('GET /api/cases filters', () => {
  it('filters by priority, tag and channel', async () => {
    const refund = await care.openCase('refund please, wrong amount');
    const dm = await care.openCase('a private question', { channel: 'dm' });
    const high = (await admin.get('/api/cases?priority=high&limit=100')).body.cases as Listed[];
    expect(high.map((item) => item.id)).toContain(refund);
    expect(high.every((item) => item.priority === 'high')).toBe(true);
    const billing = (await admin.get('/api/cases?tag=billing&limit=100')).body.cases as Listed[];
    expect(billing.map((item) => item.id)).toContain(refund);
    expect(billing.every((item) => item.tags.includes('billing'))).toBe(true);
    const dms = (await ana.get('/api/cases?channel=dm&limit=100')).body.cases as Listed[];
    expect(dms.map((item) => item.id)).toContain(dm);
    expect(dms.every((item) => item.channel === 'dm')).toBe(true);
    expect((await ana.get('/api/cases?channel=public&limit=100')).body.cases.map((item: Listed) => item.id)).not.toContain(dm);
    // Filters hold together, and the team scope still applies: ana does not see the help desk's refund.
    expect((await ana.get('/api/cases?priority=high&tag=billing&limit=100')).body.cases.map((item: Listed) => item.id)).not.toContain(refund);
  });

  it('filters by assignee: me, a username, or none', async () => {
    const mine = await care.openCase('mine to handle');
    const open = await care.openCase('nobody has this one');
    expect((await ana.patch(`/api/cases/${mine}`, { assignee: 'ana' })).status).toBe(200);
    const forMe = (await ana.get('/api/cases?assignee=me&limit=100')).body.cases as Listed[];
    expect(forMe.map((item) => item.id)).toContain(mine);
    expect(forMe.every((item) => item.assignee === 'ana')).toBe(true);
    // `me` is whoever asks: the admin has nothing assigned.
    expect((await admin.get('/api/cases?assignee=me&limit=100')).body.cases).toEqual([]);
    expect((await admin.get('/api/cases?assignee=ana&limit=100')).body.cases.map((item: Listed) => item.id)).toContain(mine);
    const unassigned = (await ana.get('/api/cases?assignee=none&limit=100')).body.cases as Listed[];
    expect(unassigned.map((item) => item.id)).toContain(open);
    expect(unassigned.map((item) => item.id)).not.toContain(mine);
    expect(unassigned.every((item) => item.assignee === null)).toBe(true);
  });

  it('answers 400 with the pointer for bad filter values, and never lets an operator into the query', async () => {
    const reply = await admin.get('/api/cases?priority=critical&channel=email&assignee=Not%20A%20User&tag=');
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual(expect.arrayContaining([
      { pointer: '/priority', message: 'must be one of "low", "normal", "high", "urgent"' },
      { pointer: '/channel', message: 'must be one of "public", "dm"' },
      expect.objectContaining({ pointer: '/assignee' }),
      expect.objectContaining({ pointer: '/tag' }),
    ]));
    for (const injected of ['tag[$ne]=x', 'priority[$ne]=low', 'assignee[$gt]=', 'channel[$in][]=dm']) {
      const answer = await admin.get(`/api/cases?${injected}`);
      expect(answer.status, injected).toBe(400);
      expect(answer.body.error.details.map((detail: { pointer: string }) => detail.pointer).join(' '), injected).toMatch(/^\/(tag|priority|assignee|channel)/);
    }
    expect((await admin.get('/api/cases?tag=a&tag=b')).body.error.details).toEqual([{ pointer: '/tag', message: 'must be string' }]);
    // Below the route, the command refuses a non-plain value too.
    await expect(listCases({ store: care.store, scope: allTeamsScope(), tag: { $ne: 'x' } as unknown as string, limit: 5 })).rejects.toThrow(UnsafeQueryError);
  });
});

describe('GET /api/cases?sort=due', () => {
  it('lists the soonest response-time target first, cases without one last, and pages across both with the cursor', async () => {
    const label = freshTag();
    const targeted: string[] = [];
    for (let i = 0; i < 3; i++) targeted.push(await care.openCase(`due order ${i}`));
    // Tier 0 (the bot) sets no target.
    const untargeted = [await care.openCase('opening hours?'), await care.openCase('what are your opening hours')];
    for (const id of [...targeted, ...untargeted]) await tag(id, [label]);

    const listed = await allCasePages<Listed>(admin, `sort=due&tag=${label}&limit=2`);
    const ids = listed.map((item) => item.id);
    expect(new Set(ids)).toEqual(new Set([...targeted, ...untargeted]));
    expect(ids).toHaveLength(5);
    const dueKey = (item: Listed) => [item.slaDueAt === null ? Infinity : Date.parse(item.slaDueAt), item.id] as const;
    const expected = [...listed].sort((a, b) => {
      const [x, y] = [dueKey(a), dueKey(b)];
      return x[0] !== y[0] ? x[0] - y[0] : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
    });
    expect(ids).toEqual(expected.map((item) => item.id));
    expect(ids.slice(3).sort()).toEqual([...untargeted].sort());
    expect(listed.slice(0, 3).every((item) => item.slaDueAt !== null)).toBe(true);
    // One page with everything agrees with the paged walk.
    expect((await admin.get(`/api/cases?sort=due&tag=${label}&limit=100`)).body.cases.map((item: Listed) => item.id)).toEqual(ids);
  });

  it('pages cases with the same target by id, and refuses a cursor of the other order', async () => {
    const label = freshTag();
    const opened: string[] = [];
    for (let i = 0; i < 4; i++) opened.push(await care.openCase(`same target ${i}`));
    for (const id of opened) await tag(id, [label]);
    // The same target for all: only the ids order them.
    const dueAt = new Date('2031-05-01T12:00:00Z');
    await care.store.collections.cases.updateEach(allTeamsScope(), opened.map((_id) => ({ _id, update: { $set: { slaDueAt: dueAt } } })));
    const listed = (await allCasePages<{ id: string; lastActivityAt: string }>(ana, `sort=due&tag=${label}&limit=1`)).map((item) => item.id);
    expect(listed).toEqual([...opened].sort());

    const due = await ana.get(`/api/cases?sort=due&tag=${label}&limit=1`);
    const activity = await ana.get(`/api/cases?tag=${label}&limit=1`);
    const wrong = (reply: { status: number; body: { error: { details: Array<{ pointer: string }> } } }) => [reply.status, reply.body.error.details.map((detail) => detail.pointer)];
    expect(wrong(await ana.get(`/api/cases?tag=${label}&cursor=${encodeURIComponent(due.body.nextCursor)}`))).toEqual([400, ['/cursor']]);
    expect(wrong(await ana.get(`/api/cases?sort=due&tag=${label}&cursor=${encodeURIComponent(activity.body.nextCursor)}`))).toEqual([400, ['/cursor']]);
    expect(wrong(await ana.get('/api/cases?sort=due&cursor=bm90LWEtY3Vyc29y'))).toEqual([400, ['/cursor']]);
  });
});

describe('case preview', () => {
  it("is the first line of the customer's first message, trimmed, at most 140 characters", async () => {
    const multiLine = await care.openCase('\n  \n   Where is my parcel?  \nIt was due Monday.\nOrder 123');
    const long = await care.openCase(`${'very long complaint '.repeat(20)}\nsecond line`);
    const listed = (await admin.get('/api/cases?limit=100')).body.cases as Listed[];
    expect(listed.find((item) => item.id === multiLine)?.preview).toBe('Where is my parcel?');
    const longPreview = listed.find((item) => item.id === long)!.preview;
    expect(longPreview.length).toBeLessThanOrEqual(140);
    expect('very long complaint '.repeat(20).startsWith(longPreview)).toBe(true);
    // A later message of the thread does not change it.
    const first = customerMessage('first words\nmore');
    await care.ingest([first]);
    await care.ingest([customerMessage('later words', { threadId: first.id.slice('chat:'.length) })]);
    expect((await ana.get(`/api/cases/${await care.caseOf(first)}`)).body.case.preview).toBe('first words');
  });

  it('is shown to the case team unmasked, while the monitor shows no preview and masks the text', async () => {
    const text = 'the app is broken, call me at +44 20 7946 0958';
    // The newest activity of the file's cases, so it is on the monitor's first page.
    const id = await care.openCase(text, { createdAt: new Date(Date.now() + 60_000).toISOString() });
    const inbox = (await admin.get('/api/cases?team=social&limit=100')).body.cases.find((item: Listed) => item.id === id);
    expect(inbox.preview).toBe(text);
    const threads = (await admin.get('/api/monitor/threads?limit=10')).body.threads as Array<Record<string, unknown> & { id: string; messages: Array<{ text: string }> }>;
    const thread = threads.find((item) => item.id === id)!;
    expect(thread).not.toHaveProperty('preview');
    expect(JSON.stringify(thread)).not.toContain('7946');
    expect(thread.messages[0]!.text).toContain('[phone]');
  });
});

describe('GET /api/cases/:id', () => {
  it('shows attachments as checked media: http(s) links only, thumbnails only from X\'s media host, raw attachments kept', async () => {
    const attachments = [
      { type: 'photo', url: 'https://pbs.twimg.com/media/kettle.jpg', altText: 'a cracked kettle' },
      { type: 'video', url: 'https://video.example/clip.mp4', preview_image_url: 'https://pbs.twimg.com/ext/clip.jpg' },
      { type: 'photo', url: 'https://tracker.example/pixel.png' },
      { type: 'photo', url: 'javascript:alert(1)', previewUrl: 'data:image/png;base64,AAAA' },
      { type: 'photo', url: 'https://user:secret@pbs.twimg.com/media/x.jpg' },
      { url: 'http://shop.example/receipt.pdf' },
    ];
    const message = { ...customerMessage('here is the photo'), attachments };
    await care.ingest([message]);
    const reply = await ana.get(`/api/cases/${await care.caseOf(message)}`);
    const shown = reply.body.messages.find((item: { id: string }) => item.id === message.id);
    expect(shown.attachments).toEqual(attachments);
    expect(shown.media).toEqual([
      { type: 'photo', url: 'https://pbs.twimg.com/media/kettle.jpg', thumbnailUrl: 'https://pbs.twimg.com/media/kettle.jpg', altText: 'a cracked kettle' },
      { type: 'video', url: 'https://video.example/clip.mp4', thumbnailUrl: 'https://pbs.twimg.com/ext/clip.jpg', altText: null },
      { type: 'photo', url: 'https://tracker.example/pixel.png', thumbnailUrl: null, altText: null },
      { type: 'photo', url: null, thumbnailUrl: null, altText: null },
      { type: 'photo', url: null, thumbnailUrl: null, altText: null },
      { type: 'unknown', url: 'http://shop.example/receipt.pdf', thumbnailUrl: null, altText: null },
    ]);
    // The page may load images from that host and no other.
    const page = await fetch(`${care.url}/`);
    await page.arrayBuffer();
    expect(page.headers.get('content-security-policy')).toMatch(/img-src 'self' data: https:\/\/pbs\.twimg\.com(;|$)/);
  });

  it('returns the case with its messages oldest first and its events in seq order', async () => {
    const first = customerMessage('my order never came', { createdAt: '2026-11-21T10:05:00Z' });
    // The same customer (one case per customer conversation).
    const earlier = customerMessage('earlier in the thread', { createdAt: '2026-11-21T10:00:00Z', threadId: first.id.slice('chat:'.length), author: first.author });
    await care.ingest([first]);
    await care.ingest([earlier]);
    const id = await care.caseOf(first);
    const reply = await ana.get(`/api/cases/${id}`);
    expect(reply.status).toBe(200);
    expect(reply.body.case).toMatchObject({ id, team: 'care', messageCount: 2 });
    expect(reply.body.messages.map((message: { id: string }) => message.id)).toEqual([earlier.id, first.id]);
    // Ingestion adds the kind the router reads when the sender gave none (routing.md §1).
    expect(reply.body.messages[1]).toEqual({ ...first, kind: 'post', attachments: undefined, media: [] });
    expect(reply.body.events.map((event: { seq: number; type: string }) => [event.seq, event.type])).toEqual([[1, 'created'], [2, 'message']]);
    expect(reply.body.events[0]).toMatchObject({ caseId: id, actor: { kind: 'system', id: 'ingest' }, data: { messageId: first.id } });
  });

  it('is a 404 for an id that matches no case', async () => {
    const reply = await admin.get('/api/cases/no-such-case');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toEqual({ code: 'not_found', message: 'case not found' });
  });
});
