import { afterEach, describe, expect, it } from 'vitest';
import { customerMessage, keywordRule, ruleSet, startRulesServer, type RulesServer } from './rulesClient.js';

const running: RulesServer[] = [];
afterEach(async () => {
  for (const started of running.splice(0)) await started.stop();
});

async function start(): Promise<RulesServer> {
  const started = await startRulesServer();
  running.push(started);
  return started;
}

describe('GET /api/rules', () => {
  it('shows the version in force and no draft on a fresh store', async () => {
    const api = await start();
    const { status, body } = await api.as('admin').get('/api/rules');
    expect(status).toBe(200);
    expect(body).toEqual({
      active: { version: 1, ruleSet: expect.objectContaining({ rules: expect.any(Array) }), publishedAt: expect.any(String), publishedBy: 'system', rolledBackFrom: null },
      draft: null,
    });
    expect(body.active.ruleSet.rules.map((rule: { id: string }) => rule.id)).toEqual(['hours', 'paused', 'billing-private']);
  });

  it('lets agents read, not marketing, and not the logged out', async () => {
    const api = await start();
    expect((await api.as('ana').get('/api/rules')).status).toBe(200);
    const marketing = await api.as('mia').get('/api/rules');
    expect(marketing.status).toBe(403);
    expect(marketing.body.error.code).toBe('forbidden');
    const anonymous = await api.as(null).get('/api/rules');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthorized');
  });
});

describe('only admins change rules', () => {
  const writes: Array<[string, 'put' | 'post', string, unknown]> = [
    ['save a draft', 'put', '/api/rules/draft', { ruleSet: ruleSet() }],
    ['test', 'post', '/api/rules/test', { message: customerMessage('refund') }],
    ['backtest', 'post', '/api/rules/backtest', { ruleSet: ruleSet() }],
    ['publish', 'post', '/api/rules/publish', {}],
    ['roll back', 'post', '/api/rules/rollback', { version: 1 }],
  ];

  it('answers 403 to agents and marketing and 401 to the logged out, and changes nothing', async () => {
    const api = await start();
    for (const [what, method, path, body] of writes) {
      for (const [user, status] of [['ana', 403], ['hugo', 403], ['mia', 403], [null, 401]] as const) {
        const reply = await api.as(user)[method](path, body);
        expect(reply.status, `${user ?? 'logged out'} may not ${what}`).toBe(status);
      }
    }
    expect((await api.as('ana').get('/api/rules/versions')).status).toBe(403);
    expect((await api.as(null).get('/api/rules/versions')).status).toBe(401);
    expect(await api.server.store.collections.ruleDrafts.countDocuments({})).toBe(0);
    expect(await api.server.store.collections.ruleSetVersions.countDocuments({})).toBe(1);
  });

  it('refuses an admin\'s write without the session\'s CSRF token', async () => {
    const api = await start();
    for (const [, method, path, body] of writes) {
      const reply = await api.as('admin')[method](path, body, 'none');
      expect(reply.status, path).toBe(403);
      expect(reply.body.error.code).toBe('csrf');
    }
    expect(await api.server.store.collections.ruleDrafts.countDocuments({})).toBe(0);
  });
});

describe('PUT /api/rules/draft', () => {
  it('saves a valid draft, returns lint warnings, and GET shows it', async () => {
    const api = await start();
    const admin = api.as('admin');
    const draft = ruleSet([keywordRule('paused', ['hello'], { tier: 1, team: 'social' }, { enabled: false })]);
    const { status, body } = await admin.put('/api/rules/draft', { ruleSet: draft });
    expect(status).toBe(200);
    const warning = { ruleId: 'paused', related: [], message: 'disabled (never evaluated)', text: 'paused: disabled (never evaluated)' };
    expect(body).toEqual({
      draft: { ruleSet: draft, version: 1, updatedAt: expect.any(String), updatedBy: 'admin', baseVersion: 1, valid: true, warnings: [warning] },
      warnings: [warning],
    });
    const read = await admin.get('/api/rules');
    expect(read.body.draft).toEqual(body.draft);
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect((await api.as('ana').get('/api/rules')).body.draft.valid).toBe(true);
  });

  it('reports shadowed rules as rules:lint does', async () => {
    const api = await start();
    const draft = ruleSet([keywordRule('billing', ['refund', 'invoice'], { tier: 2, team: 'helpdesk' })]);
    const { body } = await api.as('admin').put('/api/rules/draft', { ruleSet: draft });
    expect(body.warnings).toEqual([expect.objectContaining({ ruleId: 'refunds', related: ['billing'], text: expect.stringMatching(/^refunds: shadowed by billing \(/) })]);
  });

  it('answers 422 with pointers for an invalid set, and still saves it, marked invalid', async () => {
    const api = await start();
    const admin = api.as('admin');
    const broken = {
      rules: [
        { id: 'vip', when: { field: 'customer.vip', op: 'gt', value: 3 }, then: { tier: 1, team: 'care' } },
        keywordRule('press', ['journalist'], { tier: 1, team: 'press-office' }),
      ],
      fallback: { tier: 1, team: 'nobody' },
    };
    const { status, body } = await admin.put('/api/rules/draft', { ruleSet: broken });
    expect(status).toBe(422);
    expect(body.error).toEqual({ code: 'invalid_rule_set', message: expect.stringContaining('draft was saved'), details: expect.any(Array) });
    const pointers = body.error.details.map((detail: { pointer: string }) => detail.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/rules/1/then/team', '/fallback/team']));
    expect(pointers.some((pointer: string) => pointer.startsWith('/rules/0/when'))).toBe(true);
    expect(body.error.details).toContainEqual({ pointer: '/rules/1/then/team', message: expect.stringContaining('team "press-office" does not exist') });
    expect(pointers.indexOf('/fallback/team')).toBe(pointers.length - 1);

    const { draft } = (await admin.get('/api/rules')).body;
    expect(draft).toMatchObject({ ruleSet: broken, valid: false, errors: body.error.details, warnings: [], updatedBy: 'admin' });
  });

  it('keeps whatever the admin is editing, even far from a rule set', async () => {
    const api = await start();
    const admin = api.as('admin');
    const reply = await admin.put('/api/rules/draft', { ruleSet: { rules: 'not yet', note: 'work in progress' } });
    expect(reply.status).toBe(422);
    expect(reply.body.error.details).toEqual(expect.arrayContaining([
      { pointer: '/rules', message: 'must be array' },
      { pointer: '/fallback', message: 'is required' },
      { pointer: '/note', message: 'is not a known property here' },
    ]));
    expect((await admin.get('/api/rules')).body.draft.ruleSet).toEqual({ rules: 'not yet', note: 'work in progress' });
  });

  it('answers 400 with pointers into the body for a body that is not {ruleSet: object}', async () => {
    const api = await start();
    const admin = api.as('admin');
    const cases: Array<[unknown, { pointer: string; message: string }]> = [
      [{}, { pointer: '/ruleSet', message: 'is required' }],
      [{ ruleSet: [] }, { pointer: '/ruleSet', message: 'must be object' }],
      [{ ruleSet: 'x' }, { pointer: '/ruleSet', message: 'must be object' }],
      [{ ruleSet: ruleSet(), extra: 1 }, { pointer: '/extra', message: 'is not a known property here' }],
      [[], { pointer: '', message: 'must be object' }],
      [{ ruleSet: ruleSet(), version: 0 }, { pointer: '/version', message: 'must be >= 1' }],
      [{ ruleSet: ruleSet(), version: null }, { pointer: '/version', message: 'must be integer' }],
      [{ ruleSet: null }, { pointer: '/ruleSet', message: 'must be object' }],
    ];
    for (const [body, detail] of cases) {
      const reply = await admin.put('/api/rules/draft', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error).toEqual({ code: 'bad_request', message: expect.any(String), details: [detail] });
    }
    const noBody = await admin.put('/api/rules/draft');
    expect(noBody.status).toBe(400);
    expect(noBody.body.error.details).toEqual([{ pointer: '', message: 'is required' }]);
    const notJson = await admin.put('/api/rules/draft', '{"ruleSet":');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('bad_json');
    expect(await api.server.store.collections.ruleDrafts.countDocuments({})).toBe(0);
  });

  it('refuses, with 400, keys the store cannot hold', async () => {
    const api = await start();
    const reply = await api.as('admin').put('/api/rules/draft', { ruleSet: { $schema: 'x', rules: [{ 'a.b': 1 }] } });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details).toEqual([
      { pointer: '/ruleSet/$schema', message: "field names may not start with '$' or contain '.'" },
      { pointer: '/ruleSet/rules/0/a.b', message: "field names may not start with '$' or contain '.'" },
    ]);
  });

  it('with the version edited, refuses (409) to overwrite another admin\'s save', async () => {
    const api = await start();
    const admin = api.as('admin');
    const first = await admin.put('/api/rules/draft', { ruleSet: ruleSet() });
    expect(first.body.draft.version).toBe(1);
    const second = await admin.put('/api/rules/draft', { ruleSet: ruleSet([keywordRule('a', ['a'], { tier: 1, team: 'care' })]), version: 1 });
    expect(second.status).toBe(200);
    expect(second.body.draft.version).toBe(2);
    const stale = await admin.put('/api/rules/draft', { ruleSet: ruleSet(), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    expect((await admin.get('/api/rules')).body.draft.ruleSet.rules).toHaveLength(2);
    const blind = await admin.put('/api/rules/draft', { ruleSet: ruleSet() });
    expect(blind.body.draft).toMatchObject({ version: 3, baseVersion: 1 });
  });
});

describe('POST /api/rules/test', () => {
  it('routes against the active version when there is no draft, with the trace', async () => {
    const api = await start();
    const { status, body } = await api.as('admin').post('/api/rules/test', { message: customerMessage('I want a REFUND', { id: 'chat:t1' }) });
    expect(status).toBe(200);
    expect(body).toEqual({
      against: { source: 'active', version: 1 },
      decision: {
        id: 'chat:t1', ruleId: 'billing-private', tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'],
        trace: [{ ruleId: 'hours', result: 'no-match' }, { ruleId: 'paused', result: 'disabled' }, { ruleId: 'billing-private', result: 'matched' }],
      },
    });
  });

  it('routes against the draft, or the set sent, and stores nothing', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([keywordRule('greetings', ['hello'], { tier: 0, team: 'bot', reply: { text: 'Hi {{author.handle}}!' } })]) });
    const message = customerMessage('hello there', { author: { id: '7', handle: 'jane' } });
    const draft = await admin.post('/api/rules/test', { message });
    expect(draft.body.against).toEqual({ source: 'draft', draftVersion: 1 });
    expect(draft.body.decision).toMatchObject({ ruleId: 'greetings', tier: 0, team: 'bot', reply: 'Hi jane!', trace: [{ ruleId: 'greetings', result: 'matched' }] });
    const given = await admin.post('/api/rules/test', { message, ruleSet: ruleSet() });
    expect(given.body.against).toEqual({ source: 'request' });
    expect(given.body.decision).toMatchObject({ ruleId: null, tier: 1, team: 'care', trace: [{ ruleId: 'refunds', result: 'no-match' }] });
    expect(await api.server.store.collections.messages.countDocuments({})).toBe(0);
  });

  it('answers 422 with /message pointers for an invalid message, and 422 for an invalid set or draft', async () => {
    const api = await start();
    const admin = api.as('admin');
    const badMessage = await admin.post('/api/rules/test', { message: { ...customerMessage('hi'), channel: 'sms', author: {} } });
    expect(badMessage.status).toBe(422);
    expect(badMessage.body.error).toEqual({
      code: 'invalid_message',
      message: expect.any(String),
      details: expect.arrayContaining([{ pointer: '/message/channel', message: 'must be one of "public", "dm"' }, { pointer: '/message/author/id', message: 'is required' }]),
    });
    const badSet = await admin.post('/api/rules/test', { message: customerMessage('hi'), ruleSet: { rules: [], fallback: { tier: 5, team: 'care' } } });
    expect(badSet.status).toBe(422);
    expect(badSet.body.error).toMatchObject({ code: 'invalid_rule_set', details: [{ pointer: '/fallback/tier', message: 'must be one of 0, 1, 2' }] });
    await admin.put('/api/rules/draft', { ruleSet: { rules: [] } });
    const badDraft = await admin.post('/api/rules/test', { message: customerMessage('hi') });
    expect(badDraft.status).toBe(422);
    expect(badDraft.body.error).toMatchObject({ code: 'invalid_rule_set', details: [{ pointer: '/fallback', message: 'is required' }] });
    expect((await admin.post('/api/rules/test', { message: customerMessage('hi'), ruleSet: null })).body.error.details).toEqual([{ pointer: '/ruleSet', message: 'must be object' }]);
    const badBody = await admin.post('/api/rules/test', { text: 'hi' });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.details).toEqual(expect.arrayContaining([{ pointer: '/message', message: 'is required' }, { pointer: '/text', message: 'is not a known property here' }]));
  });
});
