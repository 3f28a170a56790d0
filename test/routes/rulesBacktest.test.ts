import { afterEach, describe, expect, it } from 'vitest';
import { BRAND_ID, customerMessage, keywordRule, ruleSet, startRulesServer, type RulesServer } from './rulesClient.js';

const running: RulesServer[] = [];
afterEach(async () => {
  for (const started of running.splice(0)) await started.stop();
});

async function start(): Promise<RulesServer> {
  const started = await startRulesServer();
  running.push(started);
  return started;
}

/** Ingests messages one request each, so each arrives (receivedAt) after the one before. */
async function ingestInTurn(api: RulesServer, messages: Array<{ id: string }>): Promise<void> {
  for (const message of messages) {
    const before = Date.now();
    await api.ingest([message]);
    while (Date.now() === before) await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** The candidate: version 1 (test/fixtures/basic.rules.json) without `hours` and `paused`, with greetings going to the social team. */
const candidate = ruleSet([
  keywordRule('greetings', ['hello'], { tier: 1, team: 'social' }),
  keywordRule('billing-private', ['refund', 'charged twice'], { tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'] }),
]);

describe('POST /api/rules/backtest', () => {
  it('lists exactly the stored messages whose decision changes, newest first, before and after', async () => {
    const api = await start();
    const refund = customerMessage('refund please');
    const hours = customerMessage('opening hours?');
    const hello = customerMessage('hello');
    const both = customerMessage('refund, and your opening hours');
    const joined = customerMessage('and what are the opening hours', { platform: 'chat', threadId: refund.id.slice('chat:'.length) });
    const brandReply = { ...customerMessage('hello, our opening hours are 9-5', { platform: 'x', threadId: 'brand-thread' }), id: 'x:brand-1', author: { id: BRAND_ID } };
    const customerOnX = { ...customerMessage('hello from x', { platform: 'x', threadId: 'brand-thread' }), id: 'x:c-1' };
    await ingestInTurn(api, [refund, hours, hello, both, joined, customerOnX, brandReply]);
    expect((await api.server.store.collections.messages.findOne({ platform: 'x', externalId: 'brand-1' }))?.caseId).toEqual(expect.any(String));

    const { status, body } = await api.as('admin').post('/api/rules/backtest', { ruleSet: candidate });
    expect(status).toBe(200);
    expect(body).toEqual({
      total: 6,
      activeVersion: 1,
      changed: [
        { id: 'x:c-1', text: 'hello from x', before: { ruleId: null, tier: 1, team: 'care' }, after: { ruleId: 'greetings', tier: 1, team: 'social' } },
        { id: joined.id, text: joined.text, before: { ruleId: 'hours', tier: 0, team: 'bot' }, after: { ruleId: null, tier: 1, team: 'care' } },
        { id: both.id, text: both.text, before: { ruleId: 'hours', tier: 0, team: 'bot' }, after: { ruleId: 'billing-private', tier: 2, team: 'helpdesk' } },
        { id: hello.id, text: hello.text, before: { ruleId: null, tier: 1, team: 'care' }, after: { ruleId: 'greetings', tier: 1, team: 'social' } },
        { id: hours.id, text: hours.text, before: { ruleId: 'hours', tier: 0, team: 'bot' }, after: { ruleId: null, tier: 1, team: 'care' } },
      ],
    });
  });

  it('re-routes only the last `limit` messages, and compares with the version in force now', async () => {
    const api = await start();
    const admin = api.as('admin');
    const hours = customerMessage('opening hours?');
    const hello = customerMessage('hello');
    const refund = customerMessage('refund please');
    await ingestInTurn(api, [hours, hello, refund]);
    const lastTwo = await admin.post('/api/rules/backtest', { ruleSet: candidate, limit: 2 });
    expect(lastTwo.body).toMatchObject({ total: 2, changed: [{ id: hello.id }] });

    await admin.put('/api/rules/draft', { ruleSet: candidate });
    await admin.post('/api/rules/publish');
    const againstItself = await admin.post('/api/rules/backtest', { ruleSet: candidate });
    expect(againstItself.body).toEqual({ total: 3, activeVersion: 2, changed: [] });
  });

  it('answers 400 for a bad body or limit, 422 for an invalid set', async () => {
    const api = await start();
    const admin = api.as('admin');
    for (const [body, pointer] of [[{}, '/ruleSet'], [{ ruleSet: candidate, limit: 0 }, '/limit'], [{ ruleSet: candidate, limit: 10_001 }, '/limit'], [{ ruleSet: candidate, limit: 1.5 }, '/limit']] as const) {
      const reply = await admin.post('/api/rules/backtest', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error.details).toEqual([expect.objectContaining({ pointer })]);
    }
    expect((await admin.post('/api/rules/backtest', { ruleSet: candidate, limit: 10_000 })).body).toEqual({ total: 0, activeVersion: 1, changed: [] });
    const invalid = await admin.post('/api/rules/backtest', { ruleSet: { rules: [{ id: 'Bad Id', when: { all: [] }, then: { tier: 1, team: 'care' } }], fallback: { tier: 1, team: 'care' } } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error).toMatchObject({ code: 'invalid_rule_set', details: [{ pointer: '/rules/0/id' }] });
  });
});
