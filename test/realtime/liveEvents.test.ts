import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../server/routing/index.js';
import { startTestServer } from '../server/startTestServer.js';
import { sessionCookie, TestSockets } from './testSockets.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets = new TestSockets();

beforeAll(async () => {
  server = await startTestServer({ RULES_FILE: 'test/fixtures/basic.rules.json' });
});
afterAll(async () => {
  sockets.closeAll();
  await server.stop();
});

const login = (username: string) => sessionCookie(server.url, username);

/** A connected socket of the user, recording every event it receives. */
async function live(username: string | null): Promise<{ socket: Socket; events: Array<[string, unknown]> }> {
  return sockets.recording(server.url, username ? await login(username) : null);
}

let sequence = 0;
function message(text: string, channel: 'public' | 'dm' = 'public'): Message {
  const id = String(5_000_000 + ++sequence);
  return { id: `x:${id}`, platform: 'x', channel, text, createdAt: new Date().toISOString(), author: { id: `c${sequence}`, handle: `customer${sequence}` }, threadId: id };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
/** How long an expected event may take to arrive (a wait, not a speed check: FerretDB in a loaded run is slow). */
const WAIT = { timeout: 15_000, interval: 20 };

describe('live events over Socket.IO', () => {
  it('refuses a socket without a session', async () => {
    await expect(live(null)).rejects.toThrow('unauthorized');
  });

  it('sends each case only to the rooms that may see it', async () => {
    const [ana, hugo, mia, admin] = await Promise.all([live('ana'), live('hugo'), live('mia'), live('admin')]);
    const outage = message('Your app is down again, call me on +44 20 7946 0958');
    const refund = message('I want a refund for my order', 'dm');
    await server.ingest([outage, refund]);
    const upserts = (events: Array<[string, unknown]>) => events.filter(([name]) => name === 'case:upsert').map(([, payload]) => (payload as { case: { team: string; tier: number }; seq: number }));
    const threadEvents = (events: Array<[string, unknown]>) => events.filter(([name]) => name === 'thread:upsert');
    // Every positive event has arrived; what must not arrive was sent (or not) at the same moment.
    await vi.waitFor(() => expect([upserts(ana.events).length, upserts(hugo.events).length, upserts(admin.events).length, threadEvents(mia.events).length, threadEvents(admin.events).length]).toEqual([1, 1, 2, 1, 1]), WAIT);
    await settle();

    expect(upserts(ana.events).map((p) => p.case.team)).toEqual(['care']);
    expect(upserts(ana.events)[0]!.seq).toBe(1);
    expect(ana.events.some(([name, payload]) => name === 'message:new' && (payload as { message: Message }).message.id === outage.id)).toBe(true);
    expect(upserts(hugo.events).map((p) => p.case.team)).toEqual(['helpdesk']);
    expect(hugo.events.some(([name, payload]) => name === 'message:new' && (payload as { message: Message }).message.id === outage.id)).toBe(false);
    expect(upserts(admin.events).map((p) => p.case.team).sort()).toEqual(['care', 'helpdesk']);

    // Marketing sees public threads only, personal data masked, and never case or message events.
    expect(upserts(mia.events)).toEqual([]);
    const threads = mia.events.filter(([name]) => name === 'thread:upsert').map(([, payload]) => (payload as { thread: { messages: Array<{ text: string }> } }).thread);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.messages[0]!.text).not.toContain('7946');
    expect(mia.events.some(([name]) => name === 'message:new')).toBe(false);
    // Admins' monitor screen follows the same thread events; agents get none.
    expect(admin.events.filter(([name]) => name === 'thread:upsert')).toHaveLength(1);
    expect([...ana.events, ...hugo.events].some(([name]) => name.startsWith('thread:'))).toBe(false);
  });

  it('delivers what a client missed while its connection was down (connection state recovery)', async () => {
    const cookie = await login('ana');
    const seen: string[] = [];
    const socket = await sockets.connect(server.url, cookie, { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200 }, (opened) => {
      opened.on('case:upsert', (payload: { case: { id: string } }) => seen.push(payload.case.id));
    });
    await server.ingest([message('first question')]); // Socket.IO recovers from the offset of the last event received
    await vi.waitFor(() => expect(seen).toHaveLength(1), WAIT);
    const reconnected = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
    socket.io.engine.close(); // the network drops
    await server.ingest([message('hello, anyone there?')]);
    await reconnected;
    await vi.waitFor(() => expect(seen).toHaveLength(2), WAIT);
    expect(socket.recovered).toBe(true);
  });

  it('announces an update made through the API to the team, with the next seq', async () => {
    const ana = await live('ana');
    const question = message('a plain question');
    await server.ingest([question]);
    await vi.waitFor(() => expect(ana.events.some(([name]) => name === 'case:upsert')).toBe(true), WAIT);
    const opened = ana.events.find(([name]) => name === 'case:upsert')![1] as { case: { id: string; version: number }; seq: number };
    const cookie = await login('ana');
    const session = await (await fetch(`${server.url}/api/session`, { headers: { cookie } })).json();
    const patched = await fetch(`${server.url}/api/cases/${opened.case.id}`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ status: 'open' }) });
    expect(patched.status).toBe(200);
    const updates = () => ana.events.filter(([name, payload]) => name === 'case:upsert' && (payload as { case: { id: string } }).case.id === opened.case.id).map(([, payload]) => payload as { case: { status: string }; seq: number });
    await vi.waitFor(() => expect(updates().at(-1)).toMatchObject({ case: { status: 'open' }, seq: opened.seq + 1 }), WAIT);
  });
});

