import { describe, expect, it } from 'vitest';
import { createUser, freshUsername, send, sessionCookieOf, useCareServer } from './careClient.js';

const care = useCareServer();

describe('POST /api/session', () => {
  it('logs in: the user, a CSRF token and an httpOnly, SameSite=Lax, signed session cookie', async () => {
    const reply = await send(care.url, 'POST', '/api/session', { username: 'ana', password: 'demo' }, {});
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      user: { id: expect.any(String), username: 'ana', role: 'agent', teams: ['care', 'social'] },
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    const setCookie = reply.headers.getSetCookie().find((line) => line.startsWith('care_session='))!;
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; SameSite=Lax/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(sessionCookieOf(reply.headers)).toMatch(/^care_session=[\w-]+\.[\w-]+$/);
    expect(reply.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 401 with one message for a wrong password and for an unknown name', async () => {
    const wrong = await send(care.url, 'POST', '/api/session', { username: 'hugo', password: 'nope' }, {});
    const unknown = await send(care.url, 'POST', '/api/session', { username: freshUsername('nobody'), password: 'demo' }, {});
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'wrong username or password' } });
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.headers.getSetCookie()).toEqual([]);
  });

  it('takes the username in any case and with spaces around it', async () => {
    expect((await send(care.url, 'POST', '/api/session', { username: ' MIA ', password: 'demo' }, {})).status).toBe(200);
  });

  it('refuses a disabled user like a wrong password', async () => {
    const username = freshUsername('gone');
    await createUser(care.store, { username, role: 'agent', teams: ['care'], disabled: true });
    const reply = await send(care.url, 'POST', '/api/session', { username, password: 'demo' }, {});
    expect(reply.status).toBe(401);
    expect(reply.body.error.message).toBe('wrong username or password');
  });

  it('answers 400 with pointers for a bad body, and for a form post (no JSON)', async () => {
    const bad = await send(care.url, 'POST', '/api/session', { username: 'ana', password: 3, admin: true }, {});
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_request');
    expect(bad.body.error.details).toEqual(expect.arrayContaining([
      { pointer: '/password', message: 'must be string' },
      { pointer: '/admin', message: 'is not a known property here' },
    ]));
    const form = await fetch(`${care.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=ana&password=demo' });
    expect(form.status).toBe(400);
  });

  it('blocks a username from an address after 5 failures in the window (429 even with the right password), not other usernames', async () => {
    const username = freshUsername('target');
    await createUser(care.store, { username, role: 'agent', teams: ['care'] });
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await send(care.url, 'POST', '/api/session', { username, password: `guess-${attempt}` }, {})).status).toBe(401);
    }
    const blocked = await send(care.url, 'POST', '/api/session', { username, password: 'demo' }, {});
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const otherUsername = freshUsername('bystander');
    await createUser(care.store, { username: otherUsername, role: 'agent', teams: ['care'] });
    expect((await send(care.url, 'POST', '/api/session', { username: otherUsername, password: 'demo' }, {})).status).toBe(200);
  });

  it('forgets the failures after a successful login', async () => {
    const username = freshUsername('typo');
    await createUser(care.store, { username, role: 'agent', teams: ['care'] });
    for (let attempt = 1; attempt <= 4; attempt++) await send(care.url, 'POST', '/api/session', { username, password: 'typo' }, {});
    expect((await send(care.url, 'POST', '/api/session', { username, password: 'demo' }, {})).status).toBe(200);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await send(care.url, 'POST', '/api/session', { username, password: 'typo' }, {})).status).toBe(401);
    }
  });

  it('gives a new session at every login and ends the one it replaces', async () => {
    const first = await care.login('ana');
    const second = await send(care.url, 'POST', '/api/session', { username: 'ana', password: 'demo' }, { cookie: first.cookie! });
    expect(second.status).toBe(200);
    expect(sessionCookieOf(second.headers)).not.toBe(first.cookie);
    expect(second.body.csrfToken).not.toBe(first.csrfToken);
    expect((await first.get('/api/session')).status).toBe(401);
  });
});

describe('GET and DELETE /api/session', () => {
  it('says who is logged in, with the same CSRF token', async () => {
    const hugo = await care.login('hugo');
    const reply = await hugo.get('/api/session');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ user: { id: expect.any(String), username: 'hugo', role: 'agent', teams: ['helpdesk'] }, csrfToken: hugo.csrfToken });
  });

  it('answers 401 when logged out, and for a cookie whose signature was tampered with', async () => {
    expect((await care.anonymous().get('/api/session')).status).toBe(401);
    const ana = await care.login('ana');
    const [value, signature] = ana.cookie!.split('.');
    const forged = `${value}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    expect((await send(care.url, 'GET', '/api/session', undefined, { cookie: forged })).status).toBe(401);
    expect((await send(care.url, 'GET', '/api/session', undefined, { cookie: value! })).status).toBe(401);
  });

  it('sets a readable signed-in hint beside the session cookie, and a logged-out GET drops a stale one (still 401)', async () => {
    const login = await send(care.url, 'POST', '/api/session', { username: 'ana', password: 'demo' }, {});
    const hint = login.headers.getSetCookie().find((line) => line.startsWith('care_signed_in='))!;
    expect(hint).toMatch(/^care_signed_in=1;/);
    expect(hint).not.toMatch(/HttpOnly/i);
    expect(hint).toMatch(/; SameSite=Lax/i);
    const stale = await send(care.url, 'GET', '/api/session', undefined, { cookie: 'care_signed_in=1' });
    expect(stale.status).toBe(401);
    expect(stale.headers.getSetCookie()).toEqual([expect.stringMatching(/^care_signed_in=;.*Expires=Thu, 01 Jan 1970/)]);
    expect((await care.anonymous().get('/api/session')).headers.getSetCookie()).toEqual([]);
  });

  it('logs out with the CSRF token: the cookie is cleared and the session ends', async () => {
    const mia = await care.login('mia');
    const missing = await mia.delete('/api/session', 'none');
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('csrf');
    const reply = await mia.delete('/api/session');
    expect(reply.status).toBe(204);
    expect(reply.headers.getSetCookie()[0]).toMatch(/^care_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await mia.get('/api/session')).status).toBe(401);
    expect((await care.anonymous().delete('/api/session', 'none')).status).toBe(401);
  });

  it('ends the sessions of a user who is disabled meanwhile', async () => {
    const username = freshUsername('leaver');
    const id = await createUser(care.store, { username, role: 'agent', teams: ['care'] });
    const leaver = await care.login(username);
    expect((await leaver.get('/api/session')).status).toBe(200);
    await care.store.collections.users.updateOne({ _id: id }, { $set: { disabled: true } });
    expect((await leaver.get('/api/session')).status).toBe(401);
  });
});
