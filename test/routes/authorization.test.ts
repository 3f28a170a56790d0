/**
 * Who may do what: every role (logged out, admin, ana: care+social, hugo:
 * helpdesk, mia: marketing) against every session, case and monitor route,
 * on cases opened by real ingestion. A case a user may not see is a 404,
 * whatever the role; marketing sees public threads outside tier 2 only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { allCasePages, INGEST_TOKEN, send, useCareServer, type Client } from './careClient.js';

type Who = 'anonymous' | 'admin' | 'ana' | 'hugo' | 'mia';
const EVERYONE: Who[] = ['anonymous', 'admin', 'ana', 'hugo', 'mia'];

let clients: Record<Who, Client>;
const cases = { care: '', social: '', helpdesk: '', dm: '', bot: '' };

const care = useCareServer();
beforeAll(async () => {
  clients = {
    anonymous: care.anonymous(),
    admin: await care.login('admin'),
    ana: await care.login('ana'),
    hugo: await care.login('hugo'),
    mia: await care.login('mia'),
  };
  cases.care = await care.openCase('where is my parcel?');
  cases.social = await care.openCase('the app is broken again');
  cases.helpdesk = await care.openCase('I want a refund');
  cases.dm = await care.openCase('hello, a private question', { channel: 'dm' });
  cases.bot = await care.openCase('what are your opening hours?');
});

/** Every case id a client gets from GET /api/cases (all pages). */
async function listedCases(client: Client, query = ''): Promise<string[]> {
  return (await allCasePages(client, `limit=100${query}`)).map((item) => item.id);
}

async function monitoredThreads(client: Client): Promise<string[]> {
  const reply = await client.get('/api/monitor/threads?limit=50');
  expect(reply.status).toBe(200);
  return reply.body.threads.map((thread: { id: string }) => thread.id);
}

describe('the authorization matrix', () => {
  const matrix: Array<{ route: string; request: (client: Client) => Promise<{ status: number }>; expected: Record<Who, number> }> = [
    { route: 'GET /api/session', request: (c) => c.get('/api/session'), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 200, mia: 200 } },
    { route: 'GET /api/cases', request: (c) => c.get('/api/cases'), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 200, mia: 403 } },
    { route: 'GET /api/cases/:care', request: (c) => c.get(`/api/cases/${cases.care}`), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 404, mia: 404 } },
    { route: 'GET /api/cases/:social', request: (c) => c.get(`/api/cases/${cases.social}`), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 404, mia: 404 } },
    { route: 'GET /api/cases/:helpdesk (tier 2)', request: (c) => c.get(`/api/cases/${cases.helpdesk}`), expected: { anonymous: 401, admin: 200, ana: 404, hugo: 200, mia: 404 } },
    { route: 'GET /api/cases/:dm', request: (c) => c.get(`/api/cases/${cases.dm}`), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 404, mia: 404 } },
    { route: 'GET /api/cases/:unknown', request: (c) => c.get('/api/cases/000000000000000000000000'), expected: { anonymous: 401, admin: 404, ana: 404, hugo: 404, mia: 404 } },
    { route: 'PATCH /api/cases/:care', request: (c) => c.patch(`/api/cases/${cases.care}`, { priority: 'high' }), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 404, mia: 404 } },
    { route: 'PATCH /api/cases/:helpdesk', request: (c) => c.patch(`/api/cases/${cases.helpdesk}`, { tags: ['billing', 'checked'] }), expected: { anonymous: 401, admin: 200, ana: 404, hugo: 200, mia: 404 } },
    { route: 'PATCH /api/cases/:dm', request: (c) => c.patch(`/api/cases/${cases.dm}`, { status: 'open' }), expected: { anonymous: 401, admin: 200, ana: 200, hugo: 404, mia: 404 } },
    { route: 'GET /api/monitor/threads', request: (c) => c.get('/api/monitor/threads'), expected: { anonymous: 401, admin: 200, ana: 403, hugo: 403, mia: 200 } },
    { route: 'GET /api/users', request: (c) => c.get('/api/users'), expected: { anonymous: 401, admin: 200, ana: 403, hugo: 403, mia: 403 } },
    { route: 'POST /api/users (empty body)', request: (c) => c.post('/api/users', {}), expected: { anonymous: 401, admin: 400, ana: 403, hugo: 403, mia: 403 } },
    { route: 'PATCH /api/users/:unknown', request: (c) => c.patch('/api/users/000000000000000000000000', { name: 'x' }), expected: { anonymous: 401, admin: 404, ana: 403, hugo: 403, mia: 403 } },
    { route: 'GET /api/teams', request: (c) => c.get('/api/teams'), expected: { anonymous: 401, admin: 200, ana: 403, hugo: 403, mia: 403 } },
    { route: 'POST /api/teams (empty body)', request: (c) => c.post('/api/teams', {}), expected: { anonymous: 401, admin: 400, ana: 403, hugo: 403, mia: 403 } },
    { route: 'PATCH /api/teams/:unknown', request: (c) => c.patch('/api/teams/nosuchteam', { displayName: 'x' }), expected: { anonymous: 401, admin: 404, ana: 403, hugo: 403, mia: 403 } },
    { route: 'DELETE /api/teams/:unknown', request: (c) => c.delete('/api/teams/nosuchteam'), expected: { anonymous: 401, admin: 404, ana: 403, hugo: 403, mia: 403 } },
  ];

  for (const row of matrix) {
    it.each(EVERYONE)(`${row.route} as %s`, async (who) => {
      const reply = await row.request(clients[who]);
      expect(reply.status).toBe(row.expected[who]);
    });
  }

  it('answers a marketing user 404 for a case, the same as for an id that does not exist', async () => {
    const dm = await clients.mia.get(`/api/cases/${cases.dm}`);
    const missing = await clients.mia.get('/api/cases/000000000000000000000000');
    expect(dm.body).toEqual(missing.body);
    expect(dm.body.error.code).toBe('not_found');
  });
});

describe('what each role sees in lists', () => {
  it('lists all cases for the admin and only their teams\' cases for agents', async () => {
    const all = Object.values(cases);
    expect(await listedCases(clients.admin)).toEqual(expect.arrayContaining(all));
    const ana = await listedCases(clients.ana);
    expect(ana).toEqual(expect.arrayContaining([cases.care, cases.social, cases.dm]));
    expect(ana).not.toContain(cases.helpdesk);
    expect(ana).not.toContain(cases.bot);
    expect(await listedCases(clients.hugo)).toEqual([cases.helpdesk]);
  });

  it('gives an agent asking for another team an empty list, not that team\'s cases', async () => {
    expect(await listedCases(clients.ana, '&team=helpdesk')).toEqual([]);
    expect(await listedCases(clients.hugo, '&team=care')).toEqual([]);
    expect(await listedCases(clients.ana, '&team=social')).toContain(cases.social);
  });

  it('shows marketing and the admin public threads outside tier 2, never DMs or help-desk cases', async () => {
    for (const who of ['mia', 'admin'] as const) {
      const threads = await monitoredThreads(clients[who]);
      expect(threads).toEqual(expect.arrayContaining([cases.care, cases.social, cases.bot]));
      expect(threads).not.toContain(cases.dm);
      expect(threads).not.toContain(cases.helpdesk);
    }
  });
});

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a write with a missing, forged or other session\'s token (403 csrf) and changes nothing', async () => {
    const before = (await clients.ana.get(`/api/cases/${cases.care}`)).body.case.version;
    const another = await care.login('ana');
    for (const csrf of ['none', { token: 'forged' }, { token: `${clients.ana.csrfToken!.slice(0, -1)}x` }, { token: another.csrfToken! }] as const) {
      const reply = await clients.ana.patch(`/api/cases/${cases.care}`, { status: 'pending' }, csrf);
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe('csrf');
    }
    expect((await clients.ana.get(`/api/cases/${cases.care}`)).body.case.version).toBe(before);
  });

  it('guards every router, the rules API included', async () => {
    const reply = await clients.admin.post('/api/rules/publish', {}, 'none');
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('csrf');
  });

  it('does not ask it for logging in or for bearer-token ingestion, even with a session cookie', async () => {
    const hugo = await care.login('hugo');
    const login = await send(care.url, 'POST', '/api/session', { username: 'hugo', password: 'demo' }, { cookie: hugo.cookie! });
    expect(login.status).toBe(200);
    const ingest = await send(care.url, 'POST', '/api/messages', [{ id: 'chat:csrf-exempt', platform: 'chat', channel: 'dm', text: 'hi', createdAt: '2026-11-20T14:03:00Z', author: { id: 'c' } }], {
      cookie: clients.admin.cookie!,
      authorization: `Bearer ${INGEST_TOKEN}`,
    });
    expect(ingest.status).toBe(200);
    expect(ingest.body.accepted).toEqual(['chat:csrf-exempt']);
  });
});
