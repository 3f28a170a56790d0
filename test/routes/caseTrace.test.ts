/**
 * GET /api/cases/:id's routing.trace: the routing of the case's first message
 * replayed with the version that routed it, every rule up to the deciding one
 * with why it did not match.
 */
import { describe, expect, it } from 'vitest';
import { send, useCareServer, type Client } from './careClient.js';

// Version 1 (test/routes/fixtures/teams.rules.json): hours, refunds, outage, else care.
const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');

async function traceOf(client: Client, caseId: string) {
  const reply = await client.get(`/api/cases/${caseId}`);
  expect(reply.status).toBe(200);
  return reply.body.case.routing;
}

describe('routing.trace in GET /api/cases/:id', () => {
  it('has one step per rule up to the deciding one: the earlier ones with why they did not match, the last matched', async () => {
    const caseId = await care.openCase('the app is broken again');
    const routing = await traceOf(ana, caseId);
    expect(routing).toEqual({
      ruleId: 'outage',
      ruleSetVersion: 1,
      trace: [
        { ruleId: 'hours', result: 'no-match', pointer: '/rules/0/when', why: 'text containsAny [opening hours] is false' },
        { ruleId: 'refunds', result: 'no-match', pointer: '/rules/1/when', why: 'text containsAny [refund] is false' },
        { ruleId: 'outage', result: 'matched' },
      ],
    });
  });

  it('lists every rule, none matched, for a case the fallback decided', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const routing = await traceOf(ana, caseId);
    expect(routing.ruleId).toBeNull();
    expect(routing.trace.map((step: { ruleId: string; result: string }) => `${step.ruleId}:${step.result}`)).toEqual(['hours:no-match', 'refunds:no-match', 'outage:no-match']);
  });

  it('is not in the list nor in live events (only in the detail)', async () => {
    await care.openCase('the app is broken once more');
    const list = await ana.get('/api/cases?limit=5');
    expect(list.body.cases[0].routing).not.toHaveProperty('trace');
  });

  it('keeps replaying a case with its own version after a new one is published, and names the failing part of a compound rule', async () => {
    const oldCase = await care.openCase('the app is broken, I want a refund');
    const v2 = {
      name: 'version 2: VIP refunds first, outages before refunds',
      rules: [
        { id: 'vip-refunds', name: 'VIP refunds', when: { all: [{ field: 'text', op: 'containsAny', value: ['refund'] }, { field: 'customer.vip', op: 'eq', value: true }] }, then: { tier: 2, team: 'helpdesk' } },
        { id: 'off', enabled: false, when: { field: 'text', op: 'containsAny', value: ['broken'] }, then: { tier: 1, team: 'care' } },
        { id: 'not-broken', when: { not: { field: 'text', op: 'containsAny', value: ['broken'] } }, then: { tier: 1, team: 'care' } },
        { id: 'outage', when: { field: 'text', op: 'containsAny', value: ['broken'] }, then: { tier: 1, team: 'social' } },
      ],
      fallback: { tier: 1, team: 'care' },
    };
    expect((await send(care.url, 'PUT', '/api/rules/draft', { ruleSet: v2 }, { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! })).status).toBe(200);
    expect((await admin.post('/api/rules/publish')).status).toBe(200);
    const newCase = await care.openCase('the app is broken, I want a refund');

    const before = await traceOf(admin, oldCase);
    expect(before.ruleSetVersion).toBe(1);
    expect(before.ruleId).toBe('refunds');
    expect(before.trace.map((step: { ruleId: string }) => step.ruleId)).toEqual(['hours', 'refunds']);

    const after = await traceOf(admin, newCase);
    expect(after).toEqual({
      ruleId: 'outage',
      ruleSetVersion: 2,
      trace: [
        { ruleId: 'vip-refunds', name: 'VIP refunds', result: 'no-match', pointer: '/rules/0/when/all/1', why: 'customer.vip eq true is false' },
        { ruleId: 'off', result: 'disabled', why: 'disabled in this version: not evaluated' },
        { ruleId: 'not-broken', result: 'no-match', pointer: '/rules/2/when', why: 'excluded because text containsAny [broken] holds' },
        { ruleId: 'outage', result: 'matched' },
      ],
    });
  });
});
