/**
 * The teams API (GET/POST /api/teams, PATCH/DELETE /api/teams/:name): admins
 * only; a team that cases, the rules or users still name cannot be deleted.
 */
import { describe, expect, it } from 'vitest';
import { freshUsername, send, useCareServer, type Client } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');

let teamCounter = 0;
/** Creates a team through the API (a fresh name per test). */
async function newTeam(tier = 1): Promise<string> {
  teamCounter += 1;
  const name = `team-${process.pid}-${teamCounter}`;
  const reply = await admin.post('/api/teams', { name, tier });
  expect(reply.status).toBe(201);
  return name;
}

describe('who may manage teams', () => {
  const routes: Array<[string, (client: Client) => Promise<{ status: number }>]> = [
    ['GET /api/teams', (c) => c.get('/api/teams')],
    ['POST /api/teams', (c) => c.post('/api/teams', { name: `x-${process.pid}`, tier: 1 })],
    ['PATCH /api/teams/:name', (c) => c.patch('/api/teams/care', { displayName: 'Care' })],
    ['DELETE /api/teams/:name', (c) => c.delete('/api/teams/care')],
  ];
  for (const [route, request] of routes) {
    it(`answers 403 to agents and marketing and 401 when logged out: ${route}`, async () => {
      expect((await request(await care.login('ana'))).status).toBe(403);
      expect((await request(await care.login('mia'))).status).toBe(403);
      expect((await request(care.anonymous())).status).toBe(401);
    });
  }

  it('refuses writes without the CSRF token', async () => {
    const reply = await admin.post('/api/teams', { name: 'nocsrf', tier: 1 }, 'none');
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf');
    expect((await admin.delete('/api/teams/care', 'none')).body.error.code).toBe('csrf');
  });
});

describe('admins manage teams', () => {
  it('lists the teams with their tiers', async () => {
    const reply = await admin.get('/api/teams');
    expect(reply.status).toBe(200);
    expect(reply.body.teams).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'bot', tier: 0, displayName: null }),
      expect.objectContaining({ name: 'helpdesk', tier: 2 }),
    ]));
  });

  it('creates a team users can then join; 409 on a taken name; pointers on invalid fields', async () => {
    const name = await newTeam(2);
    const user = await admin.post('/api/users', { username: freshUsername(), password: 'long enough', role: 'agent', teams: [name] });
    expect(user.status).toBe(201);
    const again = await admin.post('/api/teams', { name, tier: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.details).toEqual([{ pointer: '/name', message: 'is taken' }]);
    const invalid = await admin.post('/api/teams', { name: 'Has Spaces', tier: 3 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.map((detail: { pointer: string }) => detail.pointer).sort()).toEqual(['/name', '/tier']);
  });

  it('changes and clears a team\'s display name; 404 for an unknown team', async () => {
    const name = await newTeam();
    expect((await admin.patch(`/api/teams/${name}`, { displayName: 'Night shift' })).body.team).toMatchObject({ name, displayName: 'Night shift' });
    expect((await admin.patch(`/api/teams/${name}`, { displayName: null })).body.team.displayName).toBeNull();
    expect((await admin.patch(`/api/teams/${name}`, { tier: 2 })).status).toBe(400);
    expect((await admin.patch('/api/teams/nosuchteam', { displayName: 'x' })).status).toBe(404);
  });
});

/** PUT /api/rules/draft as the admin. */
const saveDraft = (ruleSet: unknown) => send(care.url, 'PUT', '/api/rules/draft', { ruleSet }, { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! });

describe('deleting a team', () => {
  it('deletes a team nothing names', async () => {
    const name = await newTeam();
    expect((await admin.delete(`/api/teams/${name}`)).status).toBe(204);
    expect((await admin.get('/api/teams')).body.teams.map((team: { name: string }) => team.name)).not.toContain(name);
    expect((await admin.delete(`/api/teams/${name}`)).status).toBe(404);
  });

  it('refuses (409) while cases and the rules in force name it, saying what does', async () => {
    await care.openCase('a question for care');
    const reply = await admin.delete('/api/teams/care');
    expect(reply.status).toBe(409);
    expect(reply.body.error.message).toMatch(/^team "care" cannot be deleted: it is still used by \d+ cases?; the rules in force, version 1 \(\/fallback\/team\); users admin, ana$/);
    expect(reply.body.error.details).toMatchObject({ activeRules: { version: 1, pointers: ['/fallback/team'] }, usernames: ['admin', 'ana'] });
    expect((await admin.get('/api/teams')).body.teams.map((team: { name: string }) => team.name)).toContain('care');
  });

  it('refuses while a user or the rule draft names it', async () => {
    const name = await newTeam();
    const username = freshUsername('member');
    const user = await admin.post('/api/users', { username, password: 'long enough', role: 'agent', teams: [name] });
    const byUser = await admin.delete(`/api/teams/${name}`);
    expect(byUser.status).toBe(409);
    expect(byUser.body.error.message).toBe(`team "${name}" cannot be deleted: it is still used by user ${username}`);
    await admin.patch(`/api/users/${user.body.user.id}`, { teams: [] });

    const active = (await admin.get('/api/rules')).body.active.ruleSet;
    const draft = { ...active, rules: [{ id: 'night', when: { field: 'text', op: 'containsAny', value: ['tonight'] }, then: { tier: 1, team: name } }, ...active.rules] };
    expect((await saveDraft(draft)).status).toBe(200);
    const byDraft = await admin.delete(`/api/teams/${name}`);
    expect(byDraft.status).toBe(409);
    expect(byDraft.body.error.message).toBe(`team "${name}" cannot be deleted: it is still used by the rule draft (/rules/0/then/team)`);
    expect((await saveDraft(active)).status).toBe(200);
    expect((await admin.delete(`/api/teams/${name}`)).status).toBe(204);
  });
});
