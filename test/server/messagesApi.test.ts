import { afterEach, describe, expect, it } from 'vitest';
import { sessionCookie } from '../realtime/testSockets.js';
import { startTestServer } from './startTestServer.js';
import { testBackend } from '../support/testStore.js';

const TOKEN = 'ingest-token-for-tests';
const servers: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function server(env: Record<string, string> = { INGEST_TOKEN: TOKEN }) {
  const started = await startTestServer(env);
  servers.push(started);
  return started;
}

function post(url: string, body: unknown, token: string | null = TOKEN) {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const message = (id: string, text = 'hello') => ({ id, platform: 'chat', channel: 'dm', text, createdAt: '2026-11-20T14:03:00Z', author: { id: 'c1' } });

describe('POST /api/messages', () => {
  it('accepts one message or a batch, idempotently by id', async () => {
    const { url } = await server();
    expect(await (await post(url, message('chat:1'))).json()).toEqual({ accepted: ['chat:1'], duplicates: [], errors: [] });
    const response = await post(url, [message('chat:1'), message('chat:2', 'refund please')]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: ['chat:2'], duplicates: ['chat:1'], errors: [] });
  });

  it('names each invalid item by index, id and JSON Pointer, and stores the valid ones', async () => {
    const { url, store } = await server();
    const bad = { ...message('chat:9'), channel: 'sms', createdAt: 'yesterday' };
    const body = await (await post(url, [message('chat:3'), bad, { text: 'x' }])).json();
    expect(body.accepted).toEqual(['chat:3']);
    expect(body.errors).toEqual(expect.arrayContaining([
      { index: 1, id: 'chat:9', pointer: '/1/channel', message: 'must be one of "public", "dm"' },
      expect.objectContaining({ index: 1, id: 'chat:9', pointer: '/1/createdAt' }),
      { index: 2, pointer: '/2/id', message: 'is required' },
    ]));
    expect(await store.collections.messages.countDocuments({})).toBe(1);
  });

  it('refuses more than 1000 messages, bad JSON, a missing or wrong token, and is off without INGEST_TOKEN', async () => {
    const { url } = await server();
    const tooMany = await post(url, Array.from({ length: 1001 }, (_, i) => message(`chat:${i}`)));
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error.code).toBe('payload_too_large');
    const broken = await post(url, '{"id":');
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('bad_json');
    expect((await post(url, message('chat:1'), null)).status).toBe(401);
    expect((await post(url, message('chat:1'), 'wrong')).status).toBe(401);
    const off = await server({});
    const response = await post(off.url, message('chat:1'));
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('not_found');
  });
});

describe('GET /api/health', () => {
  it('says which store is in use and lists the connectors', async () => {
    const { url } = await server();
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', store: testBackend(), role: 'all', connectors: [] });
  });

  it('reports the X connector fed by the built-in simulator', async () => {
    const started = await startTestServer({ X_SIMULATOR: '1' }, { simulator: { items: 30, seed: 7, feed: undefined } });
    servers.push(started);
    await started.connectors[0]!.pollOnce();
    const adminCookie = await sessionCookie(started.url, 'admin');
    const health = async () => (await fetch(`${started.url}/api/health`, { headers: { cookie: adminCookie } })).json();
    expect((await health()).connectors[0]).toMatchObject({ name: 'x', status: 'ok', lastPollAt: expect.any(String) });
    // The bot answers polled items on X after storing them; its answers are stored by the poll that reads them back.
    const stored = async () => (await health()).connectors[0].streams.reduce((sum: number, s: { stored: number }) => sum + s.stored, 0);
    const unread = async () => {
      await started.connectors[0]!.pollOnce();
      return (await stored()) - (started.simulator!.sim.mentions().length + started.simulator!.sim.dmEvents().length);
    };
    await expect.poll(unread, { timeout: 20_000 }).toBe(0);
    // Anyone sees each connector's status; only admins see the per-stream figures.
    const anonymous = await (await fetch(`${started.url}/api/health`)).json();
    expect(anonymous.connectors).toEqual([{ name: 'x', status: 'ok', lastPollAt: expect.any(String) }]);
    const agent = await (await fetch(`${started.url}/api/health`, { headers: { cookie: await sessionCookie(started.url, 'ana') } })).json();
    expect(agent.connectors).toEqual(anonymous.connectors);
  });
});
