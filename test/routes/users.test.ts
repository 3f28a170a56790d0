/**
 * The users API (GET/POST /api/users, PATCH /api/users/:id): admins only,
 * validated with pointers, a taken name is a 409, the last enabled admin
 * stays one, and a change reaches the user's existing sessions at once.
 */
import { describe, expect, it } from 'vitest';
import { createUser, freshUsername, send, useCareServer, type Client } from './careClient.js';

const care = useCareServer();
const admin = care.loggedIn('admin');

/** Creates an agent through the API and returns the answer's user. */
async function newAgent(teams = ['care'], password = 'correct horse'): Promise<{ id: string; username: string }> {
  const username = freshUsername('agent');
  const reply = await admin.post('/api/users', { username, password, role: 'agent', teams });
  expect(reply.status).toBe(201);
  return reply.body.user;
}

describe('who may manage users', () => {
  const routes: Array<[string, (client: Client) => Promise<{ status: number }>]> = [
    ['GET /api/users', (c) => c.get('/api/users')],
    ['POST /api/users', (c) => c.post('/api/users', { username: freshUsername(), password: 'long enough', role: 'agent', teams: ['care'] })],
    ['PATCH /api/users/:id', (c) => c.patch('/api/users/000000000000000000000000', { name: 'Somebody' })],
  ];
  for (const [route, request] of routes) {
    it(`answers 403 to agents and marketing and 401 when logged out: ${route}`, async () => {
      expect((await request(await care.login('ana'))).status).toBe(403);
      expect((await request(await care.login('hugo'))).status).toBe(403);
      expect((await request(await care.login('mia'))).status).toBe(403);
      expect((await request(care.anonymous())).status).toBe(401);
    });
  }

  it('refuses writes without the CSRF token (403 csrf) and creates nothing', async () => {
    const username = freshUsername('nocsrf');
    const created = await admin.post('/api/users', { username, password: 'long enough', role: 'agent', teams: ['care'] }, 'none');
    expect(created.status).toBe(403);
    expect(created.body.error.code).toBe('csrf');
    const someone = await newAgent();
    const patched = await admin.patch(`/api/users/${someone.id}`, { disabled: true }, 'none');
    expect(patched.status).toBe(403);
    expect(patched.body.error.code).toBe('csrf');
    const listed = (await admin.get('/api/users')).body.users as Array<{ username: string; disabled: boolean }>;
    expect(listed.map((user) => user.username)).not.toContain(username);
    expect(listed.find((user) => user.username === someone.username)!.disabled).toBe(false);
  });
});

describe('admins manage users', () => {
  it('lists users without their password hashes', async () => {
    const reply = await admin.get('/api/users');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    const usernames = reply.body.users.map((user: { username: string }) => user.username);
    expect(usernames).toEqual(expect.arrayContaining(['admin', 'ana', 'hugo', 'mia']));
    expect(reply.body.users.find((user: { username: string }) => user.username === 'ana')).toMatchObject({ role: 'agent', teams: ['care', 'social'], disabled: false, name: null });
    expect(JSON.stringify(reply.body)).not.toMatch(/passwordHash|scrypt/);
  });

  it('creates a user who can log in with that password and sees their teams\' cases', async () => {
    const username = freshUsername('Nina');
    const reply = await admin.post('/api/users', { username, password: 'a long passphrase', role: 'agent', teams: ['helpdesk'], name: 'Nina Q.' });
    expect(reply.status).toBe(201);
    expect(reply.body.user).toMatchObject({ username: username.toLowerCase(), name: 'Nina Q.', role: 'agent', teams: ['helpdesk'], disabled: false });
    expect(reply.body.user).not.toHaveProperty('passwordHash');
    const nina = await care.login(username.toLowerCase(), 'a long passphrase');
    const refund = await care.openCase('I want a refund please');
    expect((await nina.get(`/api/cases/${refund}`)).status).toBe(200);
  });

  it('answers 409 for a taken username, whatever its case', async () => {
    const reply = await admin.post('/api/users', { username: 'ANA', password: 'long enough', role: 'agent', teams: ['care'] });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toMatchObject({ code: 'conflict', details: [{ pointer: '/username', message: 'is taken' }] });
  });

  it('points at each invalid field', async () => {
    const reply = await admin.post('/api/users', { username: ' bad name', password: 'short', role: 'boss', teams: ['care', 'care'], extra: 1 });
    expect(reply.status).toBe(400);
    const pointers = reply.body.error.details.map((detail: { pointer: string }) => detail.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/username', '/password', '/role', '/teams', '/extra']));
    expect(reply.body.error.details.find((detail: { pointer: string }) => detail.pointer === '/role').message).toBe('must be one of "admin", "agent", "marketing"');
  });

  it('refuses teams that do not exist with the pointer of each, and marketing users with teams', async () => {
    const unknown = await admin.post('/api/users', { username: freshUsername(), password: 'long enough', role: 'agent', teams: ['care', 'nosuchteam'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual([{ pointer: '/teams/1', message: 'there is no team "nosuchteam"' }]);
    const marketing = await admin.post('/api/users', { username: freshUsername(), password: 'long enough', role: 'marketing', teams: ['care'] });
    expect(marketing.status).toBe(422);
    expect(marketing.body.error.details).toEqual([{ pointer: '/teams', message: 'marketing users belong to no team: leave the teams empty' }]);
    const someone = await newAgent();
    const demoted = await admin.patch(`/api/users/${someone.id}`, { role: 'marketing' });
    expect(demoted.status).toBe(422);
    expect(demoted.body.error.details[0].pointer).toBe('/teams');
    const patched = await admin.patch(`/api/users/${someone.id}`, { teams: ['social', 'ghosts'] });
    expect(patched.status).toBe(422);
    expect(patched.body.error.details).toEqual([{ pointer: '/teams/1', message: 'there is no team "ghosts"' }]);
  });

  it('changes role, teams, name; clears the name with null; 404 for an unknown user; 400 for an empty change', async () => {
    const someone = await newAgent();
    const reply = await admin.patch(`/api/users/${someone.id}`, { role: 'marketing', teams: [], name: 'Sam' });
    expect(reply.status).toBe(200);
    expect(reply.body.user).toMatchObject({ id: someone.id, role: 'marketing', teams: [], name: 'Sam' });
    expect((await admin.patch(`/api/users/${someone.id}`, { name: null })).body.user.name).toBeNull();
    expect((await admin.patch('/api/users/000000000000000000000000', { name: 'x' })).status).toBe(404);
    expect((await admin.patch(`/api/users/${someone.id}`, {})).status).toBe(400);
  });

  it('sets a new password (the old one stops working) and asks 8 characters of new passwords only', async () => {
    const someone = await newAgent(['care'], 'first password');
    expect((await admin.patch(`/api/users/${someone.id}`, { password: 'seven77' })).status).toBe(400);
    const session = await care.login(someone.username, 'first password');
    expect((await admin.patch(`/api/users/${someone.id}`, { password: 'second password' })).status).toBe(200);
    await expect(care.login(someone.username, 'first password')).rejects.toThrow('401');
    expect((await session.get('/api/session')).status).toBe(401);
    await care.login(someone.username, 'second password');
    // The demo users' short password still logs in: the rule is for new passwords.
    await care.login('hugo', 'demo');
  });
});

describe('the last enabled admin', () => {
  it('cannot demote or disable themself; with another admin, they can', async () => {
    const me = (await admin.get('/api/session')).body.user as { id: string };
    const demote = await admin.patch(`/api/users/${me.id}`, { role: 'agent', teams: ['care'] });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/last active admin/);
    expect(demote.body.error.details).toEqual([{ pointer: '/role', message: 'the last active admin must stay an enabled admin' }]);
    const disable = await admin.patch(`/api/users/${me.id}`, { disabled: true });
    expect(disable.status).toBe(409);
    expect(disable.body.error.details[0].pointer).toBe('/disabled');

    const second = freshUsername('admin');
    const created = await admin.post('/api/users', { username: second, password: 'second admin', role: 'admin', teams: [] });
    expect(created.status).toBe(201);
    const other = await care.login(second, 'second admin');
    // The second admin steps down; then the demo admin is the last one again.
    expect((await other.patch(`/api/users/${created.body.user.id}`, { role: 'agent', teams: ['care'] })).status).toBe(200);
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).status).toBe(409);
    const stillAdmin = await admin.get('/api/users');
    expect(stillAdmin.status).toBe(200);
  });
});

describe('changes reach existing sessions', () => {
  it('a disabled user is logged out at their next request and cannot log in (the same 401 as a wrong password)', async () => {
    const someone = await newAgent(['care'], 'to be disabled');
    const session = await care.login(someone.username, 'to be disabled');
    expect((await session.get('/api/cases')).status).toBe(200);
    expect((await admin.patch(`/api/users/${someone.id}`, { disabled: true })).body.user.disabled).toBe(true);
    expect((await session.get('/api/cases')).status).toBe(401);
    const login = await send(care.url, 'POST', '/api/session', { username: someone.username, password: 'to be disabled' }, {});
    const wrong = await send(care.url, 'POST', '/api/session', { username: someone.username, password: 'not the password' }, {});
    expect(login.status).toBe(401);
    expect(login.body).toEqual(wrong.body);
    // Enabled again, they log in as before.
    expect((await admin.patch(`/api/users/${someone.id}`, { disabled: false })).status).toBe(200);
    await care.login(someone.username, 'to be disabled');
  });

  it('a role or team change takes effect on the next request of an existing session', async () => {
    const someone = await newAgent(['care'], 'changing rights');
    const session = await care.login(someone.username, 'changing rights');
    const refund = await care.openCase('refund my order now');
    expect((await session.get(`/api/cases/${refund}`)).status).toBe(404);
    await admin.patch(`/api/users/${someone.id}`, { teams: ['helpdesk'] });
    expect((await session.get(`/api/cases/${refund}`)).status).toBe(200);
    expect((await session.get('/api/users')).status).toBe(403);
    await admin.patch(`/api/users/${someone.id}`, { role: 'admin' });
    expect((await session.get('/api/users')).status).toBe(200);
    await admin.patch(`/api/users/${someone.id}`, { role: 'marketing', teams: [] });
    expect((await session.get('/api/cases')).status).toBe(403);
    expect((await session.get('/api/monitor/threads')).status).toBe(200);
  });

  it('an admin who changes their own password keeps working with the fresh session it answers', async () => {
    const username = freshUsername('self');
    const id = await createUser(care.store, { username, role: 'admin', password: 'old password' });
    const first = await care.login(username, 'old password');
    const elsewhere = await care.login(username, 'old password');
    const reply = await first.patch(`/api/users/${id}`, { password: 'new password' });
    expect(reply.status).toBe(200);
    expect(typeof reply.body.csrfToken).toBe('string');
    const cookie = reply.headers.getSetCookie().find((line) => line.startsWith('care_session='))!.split(';')[0]!;
    const fresh = await send(care.url, 'GET', '/api/session', undefined, { cookie });
    expect(fresh.status).toBe(200);
    expect(fresh.body.csrfToken).toBe(reply.body.csrfToken);
    expect((await elsewhere.get('/api/session')).status).toBe(401);
    expect((await first.get('/api/session')).status).toBe(401);
  });
});
