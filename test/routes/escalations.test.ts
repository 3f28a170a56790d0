import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SLA } from '../../server/cases/sla.js';
import { allTeamsScope } from '../../server/store/index.js';
import { TestSockets } from '../realtime/testSockets.js';
import { newCase } from '../store/factories.js';
import { useCareServer, type Client } from './careClient.js';

const sockets = new TestSockets();
const care = useCareServer();
afterAll(async () => {
  sockets.closeAll();
});

/** A Socket.IO client of the logged-in user, recording every event it gets. */
async function live(client: Client): Promise<Array<[string, { case?: { id: string; team: string }; caseId?: string; seq: number }]>> {
  return (await sockets.recording<{ case?: { id: string; team: string }; caseId?: string; seq: number }>(care.url, client.cookie!)).events;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** How long an expected event may take to arrive (a wait, not a speed check). */
const WAIT = { timeout: 15_000, interval: 20 };

const stored = async (id: string) => (await care.store.collections.cases.findOne(allTeamsScope(), { _id: id }))!;
const MINUTE = 60_000;

describe('POST /api/cases/:id/escalations', () => {
  it('moves a tier-1 case to the help desk by default: hugo can read it now, ana cannot', async () => {
    const id = await care.openCase('my account was hacked');
    const ana = await care.login('ana');
    await ana.patch(`/api/cases/${id}`, { assignee: 'ana' });
    const before = Date.now();

    const { status, body } = await ana.post(`/api/cases/${id}/escalations`, { reason: 'needs an identity check' });
    expect(status).toBe(200);
    expect(body.case).toMatchObject({ id, tier: 2, team: 'helpdesk', status: 'new', assignee: null, escalated: true });
    expect(body.event).toMatchObject({
      type: 'escalated',
      actor: { kind: 'user', id: expect.any(String) },
      data: { from: { tier: 1, team: 'care' }, to: { tier: 2, team: 'helpdesk' }, reason: 'needs an identity check', assignee: { from: 'ana', to: null } },
    });
    // No first response yet: the help desk's first-response target, from now.
    const due = Date.parse(body.case.slaDueAt);
    expect(due).toBeGreaterThanOrEqual(before + DEFAULT_SLA[2].firstResponseMinutes * MINUTE);
    expect(due).toBeLessThanOrEqual(Date.now() + DEFAULT_SLA[2].firstResponseMinutes * MINUTE);
    expect(await stored(id)).toMatchObject({ escalations: 1, slaBreachedAt: null, routing: { tier: 1 } });

    expect((await ana.get(`/api/cases/${id}`)).status).toBe(404);
    const seen = await (await care.login('hugo')).get(`/api/cases/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.events.at(-1)).toMatchObject({ type: 'escalated', seq: body.event.seq });
  });

  it('sets the resolution target when the customer already had a first response', async () => {
    const id = await care.openCase('the app crashes on start');
    const firstResponseAt = new Date(Date.now() - 10 * MINUTE);
    await care.store.collections.cases.updateOne(allTeamsScope(), { _id: id }, { $set: { firstResponseAt, status: 'open', slaBreachedAt: new Date() } });
    const before = Date.now();
    const { body } = await (await care.login('ana')).post(`/api/cases/${id}/escalations`, { reason: 'a developer has to look' });
    expect(body.case.status).toBe('open');
    expect(Date.parse(body.case.slaDueAt)).toBeGreaterThanOrEqual(before + DEFAULT_SLA[2].resolutionMinutes * MINUTE);
    expect((await stored(id)).slaBreachedAt).toBeNull();
  });

  it('moves a case to a named team of the tier, and checks that the team exists and is of that tier', async () => {
    const id = await care.openCase('question about the loyalty card');
    const ana = await care.login('ana');
    const refusals: Array<[unknown, number, string]> = [
      [{ reason: 'x', team: 'nobody' }, 422, '/team'],
      [{ reason: 'x', team: 'helpdesk', tier: 1 }, 422, '/team'],
      [{ reason: 'x', team: 'bot' }, 422, '/team'],
      [{ reason: 'x', team: 'care' }, 422, '/team'],
      [{ reason: 'x', tier: 1 }, 422, '/tier'],
      [{ reason: 'x', tier: 0 }, 400, '/tier'],
      [{ reason: 'x', tier: 3 }, 400, '/tier'],
      [{ reason: 'x', team: 'Not A Team' }, 400, '/team'],
      [{}, 400, '/reason'],
      [{ reason: '   ' }, 400, '/reason'],
      [{ reason: 'r'.repeat(501) }, 400, '/reason'],
      [{ reason: 'x', version: 3 }, 400, '/version'],
    ];
    for (const [body, status, pointer] of refusals) {
      const refused = await ana.post(`/api/cases/${id}/escalations`, body);
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), status]);
      expect(refused.body.error.details.map((detail: { pointer: string }) => detail.pointer)).toContain(pointer);
    }
    expect(await stored(id)).toMatchObject({ tier: 1, team: 'care', escalations: 0, version: 1 });

    const moved = await ana.post(`/api/cases/${id}/escalations`, { reason: 'the social team runs the loyalty programme', team: 'social', tier: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.case).toMatchObject({ tier: 1, team: 'social' });
    expect(moved.body.event.data).toEqual({ from: { tier: 1, team: 'care' }, to: { tier: 1, team: 'social' }, reason: 'the social team runs the loyalty programme' });
  });

  it('refuses to go past tier 2 without a team, and to escalate a resolved case', async () => {
    const refund = await care.openCase('refund for order 1234');
    const hugo = await care.login('hugo');
    const top = await hugo.post(`/api/cases/${refund}/escalations`, { reason: 'more help' });
    expect(top.status).toBe(422);
    expect(top.body.error.message).toBe('the case is already at the highest tier');
    // Back to a tier-1 team, by name.
    expect((await hugo.post(`/api/cases/${refund}/escalations`, { reason: 'not a billing question after all', team: 'care' })).body.case).toMatchObject({ tier: 1, team: 'care' });

    const done = await care.openCase('all good now');
    const ana = await care.login('ana');
    await ana.patch(`/api/cases/${done}`, { status: 'resolved' });
    expect((await ana.post(`/api/cases/${done}/escalations`, { reason: 'late' })).status).toBe(409);
  });

  it('takes a bot case to agents', async () => {
    const id = await care.openCase('what are your opening hours?');
    expect(await stored(id)).toMatchObject({ status: 'bot', tier: 0 });
    const { body } = await (await care.login('admin')).post(`/api/cases/${id}/escalations`, { reason: 'a real question hides in it' });
    expect(body.case).toMatchObject({ tier: 1, team: 'care', status: 'new' });
  });

  it('lets only agents of the case\'s team and admins escalate: 404 for marketing and other teams, 401 logged out, 403 without CSRF', async () => {
    const id = await care.openCase('who may escalate this?');
    const path = `/api/cases/${id}/escalations`;
    const body = { reason: 'testing' };
    expect((await (await care.login('mia')).post(path, body)).status).toBe(404);
    expect((await (await care.login('hugo')).post(path, body)).status).toBe(404);
    expect((await care.anonymous().post(path, body)).status).toBe(401);
    expect((await (await care.login('ana')).post(path, body, 'none')).status).toBe(403);
    expect((await (await care.login('ana')).post('/api/cases/nope/escalations', body)).status).toBe(404);
    expect(await stored(id)).toMatchObject({ team: 'care', escalations: 0 });
    expect((await (await care.login('admin')).post(path, body)).status).toBe(200);
  });

  it('announces the move: the old team gets case:removed, the help desk case:upsert, with the escalation\'s seq', async () => {
    const [ana, hugo] = [await care.login('ana'), await care.login('hugo')];
    const [anaEvents, hugoEvents] = [await live(ana), await live(hugo)];
    const id = await care.openCase('please escalate me');
    await vi.waitFor(() => expect(anaEvents.filter(([, payload]) => payload.case?.id === id || payload.caseId === id)).toHaveLength(2), WAIT);
    const { body } = await ana.post(`/api/cases/${id}/escalations`, { reason: 'private data involved' });
    await vi.waitFor(() => expect(hugoEvents.some(([, payload]) => payload.case?.id === id)).toBe(true), WAIT);
    await vi.waitFor(() => expect(anaEvents.filter(([, payload]) => payload.case?.id === id || payload.caseId === id)).toHaveLength(3), WAIT);
    await settle();
    expect(anaEvents.filter(([, payload]) => payload.case?.id === id || payload.caseId === id).map(([name, payload]) => [name, payload.seq])).toEqual([
      ['case:upsert', 1],
      ['message:new', 1],
      ['case:removed', body.event.seq],
    ]);
    expect(hugoEvents.filter(([, payload]) => payload.case?.id === id).map(([name, payload]) => [name, payload.case!.team, payload.seq])).toEqual([['case:upsert', 'helpdesk', body.event.seq]]);
  });

  it('tells the old team even about a case this process never announced (opened before a restart)', async () => {
    const ana = await care.login('ana');
    const anaEvents = await live(ana);
    const inserted = await care.store.collections.cases.insertOne(allTeamsScope(), newCase({ team: 'care', tier: 1 }));
    if (inserted.status !== 'inserted') throw new Error('case not stored');
    const id = inserted.document._id;
    const { body } = await ana.post(`/api/cases/${id}/escalations`, { reason: 'private data involved' });
    expect(body.case.team).toBe('helpdesk');
    await vi.waitFor(() => expect(anaEvents.some(([, payload]) => payload.caseId === id)).toBe(true), WAIT);
    await settle();
    expect(anaEvents.filter(([, payload]) => payload.caseId === id).map(([name, payload]) => [name, payload.seq])).toEqual([['case:removed', body.event.seq]]);
  });
});
