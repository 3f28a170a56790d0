/**
 * POST /api/cases/:id/notes: internal notes in a case's history, for the
 * agents of the case's team and admins only, never for the customer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { TestSockets } from '../realtime/testSockets.js';
import { useCareServer, type Client } from './careClient.js';

const sockets = new TestSockets();

const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');
const hugo = care.loggedIn('hugo');
const mia = care.loggedIn('mia');
afterAll(async () => {
  sockets.closeAll();
});

describe('POST /api/cases/:id/notes', () => {
  it('stores a note with its author in the history (201), not as a message to the customer', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const reply = await ana.post(`/api/cases/${caseId}/notes`, { text: 'Customer called too; order 123 is late.' });
    expect(reply.status).toBe(201);
    expect(reply.body.event).toEqual({
      id: expect.any(String),
      caseId,
      seq: 2,
      type: 'note',
      at: expect.stringMatching(/Z$/),
      actor: { kind: 'user', id: expect.any(String) },
      data: { text: 'Customer called too; order 123 is late.', author: 'ana' },
    });

    const detail = await admin.get(`/api/cases/${caseId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.events.map((event: { type: string }) => event.type)).toEqual(['created', 'note']);
    // The case's history also names the author (actor.name).
    expect(detail.body.events[1]).toEqual({ ...reply.body.event, actor: { ...reply.body.event.actor, name: 'ana' } });
    expect(detail.body.messages).toHaveLength(1);
    // A note changes no field of the case: a colleague's edit in progress stays current.
    expect(detail.body.case.version).toBe(1);
  });

  it('gives each note the next seq of the case', async () => {
    const caseId = await care.openCase('the app is broken');
    const seqs: number[] = [];
    for (const text of ['first', 'second', 'third']) seqs.push((await ana.post(`/api/cases/${caseId}/notes`, { text })).body.event.seq);
    await ana.patch(`/api/cases/${caseId}`, { priority: 'high' });
    const after = await admin.post(`/api/cases/${caseId}/notes`, { text: 'admin was here' });
    expect(seqs).toEqual([2, 3, 4]);
    expect(after.body.event.seq).toBe(6);
    expect(after.body.event.data.author).toBe('admin');
  });

  it('answers 404 to an agent of another team and to marketing, and stores nothing', async () => {
    const caseId = await care.openCase('I want a refund');
    const fromAna = await ana.post(`/api/cases/${caseId}/notes`, { text: 'peek' });
    const fromMia = await mia.post(`/api/cases/${caseId}/notes`, { text: 'peek' });
    const missing = await hugo.post('/api/cases/000000000000000000000000/notes', { text: 'peek' });
    expect([fromAna.status, fromMia.status, missing.status]).toEqual([404, 404, 404]);
    expect(fromAna.body).toEqual(missing.body);
    expect(await care.store.collections.caseEvents.countDocuments({ caseId, type: 'note' })).toBe(0);
    expect((await hugo.post(`/api/cases/${caseId}/notes`, { text: 'mine' })).status).toBe(201);
  });

  it('answers 401 when logged out and 403 csrf without the token', async () => {
    const caseId = await care.openCase('where is my parcel?');
    expect((await care.anonymous().post(`/api/cases/${caseId}/notes`, { text: 'x' })).status).toBe(401);
    const noToken = await ana.post(`/api/cases/${caseId}/notes`, { text: 'x' }, 'none');
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('csrf');
    const forged = await ana.post(`/api/cases/${caseId}/notes`, { text: 'x' }, { token: 'forged' });
    expect(forged.status).toBe(403);
    expect(await care.store.collections.caseEvents.countDocuments({ caseId, type: 'note' })).toBe(0);
  });

  it.each([
    ['no text', {}],
    ['an empty text', { text: '' }],
    ['a blank text', { text: '   ' }],
    ['a text over 2000 characters', { text: 'x'.repeat(2001) }],
    ['a text that is not a string', { text: 42 }],
  ])('answers 400 with the pointer /text for %s', async (_what, body) => {
    const caseId = await care.openCase('where is my parcel?');
    const reply = await ana.post(`/api/cases/${caseId}/notes`, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe('bad_request');
    expect(reply.body.error.details.map((detail: { pointer: string }) => detail.pointer)).toContain('/text');
  });

  it('accepts 2000 characters and refuses unknown properties', async () => {
    const caseId = await care.openCase('where is my parcel?');
    expect((await ana.post(`/api/cases/${caseId}/notes`, { text: 'é'.repeat(2000) })).status).toBe(201);
    expect((await ana.post(`/api/cases/${caseId}/notes`, { text: 'hi', channel: 'dm' })).status).toBe(400);
  });

  it('reaches the team live with the note\'s seq, and not another team', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const [anaEvents, hugoEvents] = await Promise.all([live(ana), live(hugo)]);
    const reply = await ana.post(`/api/cases/${caseId}/notes`, { text: 'heads up' });
    await expect.poll(() => anaEvents.some(([name, payload]) => name === 'case:upsert' && (payload as { seq: number }).seq === reply.body.event.seq)).toBe(true);
    expect(hugoEvents.filter(([, payload]) => JSON.stringify(payload).includes(caseId))).toEqual([]);
  });
});

describe('@mentions in notes', () => {
  it('tells each mentioned colleague who may see the case, live and on their own sockets only, and says whom it did not tell', async () => {
    const caseId = await care.openCase('my parcel is lost');
    const [adminEvents, anaEvents, hugoEvents, miaEvents] = await Promise.all([live(admin), live(ana), live(hugo), live(mia)]);
    const reply = await ana.post(`/api/cases/${caseId}/notes`, { text: '@Admin can you look? not @hugo (help desk), not me @ana, @nobody, mail ops@example.com, @mia.' });
    expect(reply.status).toBe(201);
    expect(reply.body.mentions).toEqual({
      notified: ['admin'],
      unnotified: [
        { username: 'hugo', reason: 'cannot see this case' },
        { username: 'ana', reason: 'yourself' },
        { username: 'nobody', reason: 'unknown user' },
        { username: 'mia', reason: 'cannot see this case' },
      ],
    });
    expect(reply.body.event.data).toMatchObject({ author: 'ana', mentions: ['admin'] });

    await expect.poll(() => adminEvents.filter(([name]) => name === 'mention:new').length).toBe(1);
    const [, mention] = adminEvents.find(([name]) => name === 'mention:new') as [string, { case: { id: string }; note: { seq: number; data: { text: string } }; seq: number }];
    expect(mention).toMatchObject({ case: { id: caseId }, note: { seq: reply.body.event.seq, data: { text: expect.stringContaining('@Admin') } }, seq: reply.body.event.seq });
    // The note's own case:upsert reached ana's team: by then any mention:new for her would have come too (same process, same order).
    await expect.poll(() => anaEvents.some(([name, payload]) => name === 'case:upsert' && (payload as { seq: number }).seq === reply.body.event.seq)).toBe(true);
    expect(anaEvents.filter(([name]) => name === 'mention:new')).toEqual([]);
    // Marketing's monitor still gets the public thread (masked), never the note or a mention.
    expect([...hugoEvents, ...miaEvents].filter(([name]) => name === 'mention:new')).toEqual([]);
    expect(hugoEvents.filter(([, payload]) => JSON.stringify(payload).includes(caseId))).toEqual([]);
    expect(JSON.stringify(miaEvents)).not.toContain('can you look');
  });

  it('stores no mentions on a note without any', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const reply = await ana.post(`/api/cases/${caseId}/notes`, { text: 'write to ana@example.com' });
    expect(reply.body.mentions).toEqual({ notified: [], unnotified: [] });
    expect(reply.body.event.data).toEqual({ text: 'write to ana@example.com', author: 'ana' });
  });
});

async function live(client: Client): Promise<Array<[string, unknown]>> {
  return (await sockets.recording(care.url, client.cookie!)).events;
}
