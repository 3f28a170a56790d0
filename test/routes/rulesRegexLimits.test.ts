import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../server/routing/index.js';
import { MAX_REGEXES_PER_RULE_SET } from '../../server/regexChecks/limits.js';
import { customerMessage, ruleSet, startRulesServer, type RulesServer } from './rulesClient.js';

let api: RulesServer;
beforeAll(async () => {
  api = await startRulesServer();
});
afterAll(() => api.stop());

/** `count` rules, each with a regular expression of its own. */
function regexRules(count: number, word = 'ticket'): Rule[] {
  return Array.from({ length: count }, (_, i) => ({ id: `${word}-${i}`, when: { field: 'text', op: 'matches', value: `${word}-${i}\\b` }, then: { tier: 1, team: 'care' } }));
}

/** The slowest answer of GET /api/health, asked again and again until `done` settles (the draft's answer arrived), or `times` times. */
async function slowestHealthWhile(done: Promise<unknown>, times = Infinity): Promise<{ slowestMs: number; answers: number }> {
  let settled = false;
  void done.finally(() => (settled = true));
  let slowestMs = 0;
  let answers = 0;
  while (!settled && answers < times) {
    const started = performance.now();
    const response = await fetch(`${api.server.url}/api/health`);
    await response.json();
    slowestMs = Math.max(slowestMs, performance.now() - started);
    answers++;
  }
  return { slowestMs, answers };
}

describe('regular expressions in rule sets', () => {
  it('judges a 2,000-regex draft off the event loop: /api/health keeps answering meanwhile, expressions past the limit are refused at their pointers', async () => {
    // A server in use has validated large rule sets before (its code is warm); the expressions measured below are new to it.
    expect((await api.as('admin').put('/api/rules/draft', { ruleSet: ruleSet(regexRules(2000, 'warm')) })).status).toBe(422);
    const login = await fetch(`${api.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
    const headers = { 'content-type': 'application/json', cookie: login.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    // Serialized before the clock starts: this process is the client too, and only the server's work is measured.
    const draft = JSON.stringify({ ruleSet: ruleSet(regexRules(2000)) });
    const started = performance.now();
    const answered = fetch(`${api.server.url}/api/rules/draft`, { method: 'PUT', headers, body: draft });
    const health = await slowestHealthWhile(answered);
    const saved = await answered;
    const judgingMs = performance.now() - started;
    expect(saved.status).toBe(422);
    const details = ((await saved.json()) as { error: { details: Array<{ pointer: string; message: string }> } }).error.details;
    expect(details.map((detail) => detail.pointer)).toEqual(Array.from({ length: 2000 - MAX_REGEXES_PER_RULE_SET }, (_, i) => `/rules/${MAX_REGEXES_PER_RULE_SET + i}/when/value`));
    expect(details[0]!.message).toMatch(/a rule set may hold 200 different ones/);
    // No absolute time bound (a loaded machine slows everything): judged on the event loop, the draft would hold every health
    // request until it is done, so health would answer once or twice in all; off it, health answers all along.
    expect(health.answers, `health answered ${health.answers} times in ${Math.round(judgingMs)} ms`).toBeGreaterThanOrEqual(5);
    expect(health.slowestMs, `slowest health answer ${Math.round(health.slowestMs)} ms of ${Math.round(judgingMs)} ms judging`).toBeLessThan(judgingMs / 2);
  });

  it('applies the same limit to rules/test and rules/backtest with an inline set, and still refuses unsafe expressions', async () => {
    const admin = api.as('admin');
    const tooMany = ruleSet(regexRules(MAX_REGEXES_PER_RULE_SET + 1));
    const tested = await admin.post('/api/rules/test', { message: customerMessage('ticket-3'), ruleSet: tooMany });
    expect(tested.status).toBe(422);
    expect(tested.body.error.details).toEqual([{ pointer: `/rules/${MAX_REGEXES_PER_RULE_SET}/when/value`, message: expect.stringMatching(/one regular expression too many/) }]);
    const backtested = await admin.post('/api/rules/backtest', { ruleSet: tooMany });
    expect(backtested.status).toBe(422);
    expect(backtested.body.error.details.map((detail: { pointer: string }) => detail.pointer)).toEqual([`/rules/${MAX_REGEXES_PER_RULE_SET}/when/value`]);
    const unsafe = ruleSet([{ id: 'nested', when: { field: 'text', op: 'matches', value: '^(a+)+$' }, then: { tier: 1, team: 'care' } }]);
    const refused = await admin.post('/api/rules/test', { message: customerMessage('aaa'), ruleSet: unsafe });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ pointer: '/rules/0/when/value', message: expect.stringMatching(/catastrophic backtracking/) }]);
    const fine = await admin.post('/api/rules/test', { message: customerMessage('ticket-3 please'), ruleSet: ruleSet(regexRules(MAX_REGEXES_PER_RULE_SET)) });
    expect(fine.status).toBe(200);
    expect(fine.body.decision.ruleId).toBe('ticket-3');
  });
});

describe('storing drafts', () => {
  it('refuses field names the store cannot hold, by pointer', async () => {
    const reply = await api.as('admin').put('/api/rules/draft', { ruleSet: { ...ruleSet(), rules: [{ id: 'a', when: { $where: 'x', all: [] }, then: { tier: 1, team: 'care' } }] } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([{ pointer: '/ruleSet/rules/0/when/$where', message: "field names may not start with '$' or contain '.'" }]);
  });
});
