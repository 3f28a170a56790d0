import { afterEach, describe, expect, it } from 'vitest';
import { publishVersion } from '../../server/commands/rules/publishVersion.js';
import { allTeamsScope } from '../../server/store/index.js';
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

/** Ingests one fresh message and returns how its case was routed. */
async function routedCase(api: RulesServer, text: string) {
  const message = customerMessage(text);
  await api.ingest([message]);
  const found = await api.server.store.collections.cases.findOne(allTeamsScope(), { platform: 'chat', threadId: message.id.slice('chat:'.length) });
  if (!found) throw new Error(`no case for ${message.id}`);
  return { team: found.team, tier: found.tier, ...found.routing };
}

const greetings = keywordRule('greetings', ['hello'], { tier: 1, team: 'social' });

describe('POST /api/rules/publish', () => {
  it('makes the draft the next version, and the next message is routed by it', async () => {
    const api = await start();
    const admin = api.as('admin');
    expect(await routedCase(api, 'hello')).toEqual({ ruleId: null, ruleSetVersion: 1, team: 'care', tier: 1 });
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });

    const { status, body } = await admin.post('/api/rules/publish');
    expect(status).toBe(200);
    expect(body).toEqual({ version: 2, publishedAt: expect.any(String), publishedBy: 'admin', rolledBackFrom: null });
    expect(await routedCase(api, 'hello again')).toEqual({ ruleId: 'greetings', ruleSetVersion: 2, team: 'social', tier: 1 });

    const rules = (await admin.get('/api/rules')).body;
    expect(rules.active).toMatchObject({ version: 2, publishedBy: 'admin', ruleSet: ruleSet([greetings]) });
    expect(rules.draft).toBeNull();
  });

  it('answers 409 when there is no draft, 422 for an invalid draft (which stays unpublished)', async () => {
    const api = await start();
    const admin = api.as('admin');
    const none = await admin.post('/api/rules/publish', {});
    expect(none.status).toBe(409);
    expect(none.body.error.code).toBe('conflict');

    expect((await admin.put('/api/rules/draft', { ruleSet: ruleSet([], { fallback: { tier: 1, team: 'ghosts' } }) })).status).toBe(422);
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await admin.post('/api/rules/publish');
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'invalid_rule_set', details: [{ pointer: '/fallback/team', message: expect.stringContaining('"ghosts"') }] });
    }
    expect(await api.server.store.collections.ruleSetVersions.countDocuments({})).toBe(1);
    expect(api.server.rules.get().version).toBe(1);
    expect((await admin.get('/api/rules')).body.draft.valid).toBe(false);
    expect(await routedCase(api, 'hello')).toMatchObject({ ruleSetVersion: 1 });
  });

  it('checks the draft again: a team deleted since it was saved blocks publishing', async () => {
    const api = await start();
    const admin = api.as('admin');
    expect((await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) })).status).toBe(200);
    await api.server.store.collections.teams.deleteMany({ name: 'social' });
    expect((await admin.get('/api/rules')).body.draft).toMatchObject({ valid: false, errors: [{ pointer: '/rules/0/then/team' }] });
    expect((await admin.post('/api/rules/publish')).status).toBe(422);
  });

  it('refuses (409) to publish a draft changed since the version reviewed', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet() });
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    const stale = await admin.post('/api/rules/publish', { version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ currentVersion: 2 });
    expect((await admin.post('/api/rules/publish', { version: 2 })).body.version).toBe(2);
    expect((await admin.post('/api/rules/publish', { draft: 1 })).status).toBe(400);
  });

  it('publishes one draft once when two admins press publish together', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    const replies = await Promise.all([admin.post('/api/rules/publish'), admin.post('/api/rules/publish')]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    expect(await api.server.store.collections.ruleSetVersions.countDocuments({})).toBe(2);
  });

  it('gives concurrent publishers distinct numbers, and the newest stays in force', async () => {
    const api = await start();
    const { store, rules } = api.server;
    const sets = [0, 1, 2, 3, 4].map((n) => ruleSet([keywordRule(`rule-${n}`, [`word${n}`], { tier: 1, team: 'care' })]));
    const published = await Promise.all(sets.map((set) => publishVersion({ store, rules, ruleSet: set, publishedBy: 'test' })));
    expect(published.map((version) => version.version).sort()).toEqual([2, 3, 4, 5, 6]);
    const newest = published.find((version) => version.version === 6)!;
    expect(rules.get()).toMatchObject({ version: 6, ruleSet: newest.ruleSet });
  });
});

describe('POST /api/rules/rollback', () => {
  it('republishes an old version as a new one, in force at once', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    await admin.post('/api/rules/publish');
    expect(await routedCase(api, 'hello')).toMatchObject({ ruleId: 'greetings', ruleSetVersion: 2 });

    const { status, body } = await admin.post('/api/rules/rollback', { version: 1 });
    expect(status).toBe(200);
    expect(body).toEqual({ version: 3, publishedAt: expect.any(String), publishedBy: 'admin', rolledBackFrom: 1 });
    expect(await routedCase(api, 'hello')).toEqual({ ruleId: null, ruleSetVersion: 3, team: 'care', tier: 1 });
    expect(await routedCase(api, 'opening hours?')).toMatchObject({ ruleId: 'hours', ruleSetVersion: 3, tier: 0 });
    const versions = await api.server.store.collections.ruleSetVersions.find({}, { sort: { version: 1 } });
    expect(versions[2]!.ruleSet).toEqual(versions[0]!.ruleSet);
  });

  it('answers 404 for an unknown version, 409 for the version in force, 400 for a bad body', async () => {
    const api = await start();
    const admin = api.as('admin');
    const unknown = await admin.post('/api/rules/rollback', { version: 9 });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await admin.post('/api/rules/rollback', { version: 1 })).status).toBe(409);
    const bad = await admin.post('/api/rules/rollback', { version: '1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ pointer: '/version', message: 'must be integer' }]);
    expect((await admin.post('/api/rules/rollback', {})).body.error.details).toEqual([{ pointer: '/version', message: 'is required' }]);
    expect(await api.server.store.collections.ruleSetVersions.countDocuments({})).toBe(1);
  });

  it('does not put back a version naming a team deleted since (422)', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    await admin.post('/api/rules/publish');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet() });
    await admin.post('/api/rules/publish');
    await api.server.store.collections.teams.deleteMany({ name: 'social' });
    const refused = await admin.post('/api/rules/rollback', { version: 2 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'invalid_rule_set', details: [{ pointer: '/rules/0/then/team' }] });
    expect(api.server.rules.get().version).toBe(3);
  });

  it('leaves the draft alone', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    await admin.post('/api/rules/publish');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet() });
    await admin.post('/api/rules/rollback', { version: 1 });
    expect((await admin.get('/api/rules')).body.draft).toMatchObject({ ruleSet: ruleSet(), baseVersion: 2 });
  });
});

describe('GET /api/rules/versions', () => {
  it('lists every version newest first, who published it, and what changed', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    await admin.post('/api/rules/publish');
    await admin.post('/api/rules/rollback', { version: 1 });

    const { status, body } = await admin.get('/api/rules/versions');
    expect(status).toBe(200);
    expect(body.versions).toEqual([
      {
        version: 3, publishedAt: expect.any(String), publishedBy: 'admin', rolledBackFrom: 1,
        diff: { added: ['hours', 'paused', 'billing-private'], removed: ['greetings', 'refunds'], changed: [], moved: [], fallbackChanged: false, nameChanged: true },
      },
      {
        version: 2, publishedAt: expect.any(String), publishedBy: 'admin', rolledBackFrom: null,
        diff: { added: ['greetings', 'refunds'], removed: ['hours', 'paused', 'billing-private'], changed: [], moved: [], fallbackChanged: false, nameChanged: true },
      },
      { version: 1, publishedAt: expect.any(String), publishedBy: 'system', rolledBackFrom: null, diff: null },
    ]);
    const publishedAt = body.versions.map((version: { publishedAt: string }) => Date.parse(version.publishedAt));
    expect(publishedAt).toEqual([...publishedAt].sort((a, b) => b - a));
  });

  it('shows one version with its rule set; 404 for one that does not exist', async () => {
    const api = await start();
    const admin = api.as('admin');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([greetings]) });
    await admin.post('/api/rules/publish');
    await admin.put('/api/rules/draft', { ruleSet: ruleSet([keywordRule('greetings', ['hello', 'hi'], { tier: 1, team: 'social' })], { fallback: { tier: 1, team: 'social' } }) });
    await admin.post('/api/rules/publish');
    const { body } = await admin.get('/api/rules/versions/3');
    expect(body).toMatchObject({ version: 3, rolledBackFrom: null, diff: { changed: [{ id: 'greetings', parts: ['when'] }], fallbackChanged: true }, ruleSet: { fallback: { team: 'social' } } });
    expect((await admin.get('/api/rules/versions/4')).status).toBe(404);
    expect((await admin.get('/api/rules/versions/abc')).status).toBe(404);
    expect((await api.as('ana').get('/api/rules/versions/1')).status).toBe(403);
  });
});
