import { describe, expect, it } from 'vitest';
import { allTeamsScope } from '../../server/store/index.js';
import { useCareServer } from './careClient.js';

const care = useCareServer();

describe('GET /api/metrics', () => {
  it('reports counts, response and resolution times, escalation rate per routed tier, breaches and rule hits', async () => {
    const bot = await care.openCase('What are your opening hours?', { threadId: 'm-bot', author: { id: 'c-bot' } });
    await care.ingest([{ id: 'chat:m-bot-2', platform: 'chat', channel: 'public', text: 'that did not help', createdAt: new Date().toISOString(), author: { id: 'c-bot' }, threadId: 'm-bot' }]);
    const refund = await care.openCase('I want a refund');
    const question = await care.openCase('a question');
    const created = (id: string) => care.store.collections.cases.findOne(allTeamsScope(), { _id: id });
    const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);
    const refundCase = (await created(refund))!;
    const questionCase = (await created(question))!;
    // Response and resolution times count from when the customer wrote.
    const wrote = (doc: typeof refundCase) => doc.firstMessageAt!;
    await care.store.collections.cases.updateOne(allTeamsScope(), { _id: refund }, { $set: { firstResponseAt: minutes(wrote(refundCase), 10), resolvedAt: minutes(wrote(refundCase), 120), status: 'resolved', slaBreachedAt: minutes(wrote(refundCase), 31) } });
    await care.store.collections.cases.updateOne(allTeamsScope(), { _id: question }, { $set: { firstResponseAt: minutes(wrote(questionCase), 30) } });

    const admin = await care.login('admin');
    const { status, body } = await admin.get('/api/metrics');
    expect(status).toBe(200);
    expect(body.cases).toEqual({ total: 3, suppressed: 0, byTier: { 1: 2, 2: 1 }, byTeam: { care: 2, helpdesk: 1 }, byStatus: { new: 2, resolved: 1 } });
    expect(body.escalation.byTier).toEqual({ 0: { cases: 1, escalated: 1, rate: 1 }, 1: { cases: 1, escalated: 0, rate: 0 }, 2: { cases: 1, escalated: 0, rate: 0 } });
    expect(body.firstResponse.byTier).toEqual({ 1: { count: 1, p50Ms: 30 * 60_000, p90Ms: 30 * 60_000 }, 2: { count: 1, p50Ms: 10 * 60_000, p90Ms: 10 * 60_000 } });
    expect(body.resolution.byTeam).toEqual({ helpdesk: { count: 1, p50Ms: 120 * 60_000, p90Ms: 120 * 60_000 } });
    expect(body.slaBreaches).toEqual({ total: 1, byTier: { 2: 1 }, byTeam: { helpdesk: 1 } });
    expect(body.ruleHits).toEqual(expect.arrayContaining([{ ruleId: 'hours', ruleSetVersion: 1, cases: 1 }, { ruleId: 'refunds', ruleSetVersion: 1, cases: 1 }, { ruleId: null, ruleSetVersion: 1, cases: 1 }]));
    expect(bot).toBeTruthy();
  });

  it('shows agents their teams only, and refuses marketing and logged-out users', async () => {
    const ana = await care.login('ana');
    const { body } = await ana.get('/api/metrics');
    expect(Object.keys(body.cases.byTeam)).toEqual(['care']);
    expect((await (await care.login('mia')).get('/api/metrics')).status).toBe(403);
    expect((await care.anonymous().get('/api/metrics')).status).toBe(401);
  });

  it('filters by the period cases were opened in and names a bad bound', async () => {
    const admin = await care.login('admin');
    expect((await admin.get('/api/metrics?from=2000-01-01&to=2000-02-01')).body.cases.total).toBe(0);
    const bad = await admin.get('/api/metrics?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ pointer: '/from', message: 'must be an ISO-8601 date or date-time' }]);
  });
});
