/**
 * Collision warnings over real sockets: case:watch / case:unwatch /
 * case:typing, checked against the user's teams, and case:presence to the
 * sockets watching the case.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createUser, freshUsername, useCareServer } from '../routes/careClient.js';
import { TestSockets } from './testSockets.js';

interface Viewer {
  username: string;
  typing: boolean;
  what?: string;
}
interface Presence {
  caseId: string;
  viewers: Viewer[];
}
interface Live {
  socket: Socket;
  presence: Presence[];
  events: string[];
}

const sockets = new TestSockets();

const care = useCareServer();
afterAll(async () => {
  sockets.closeAll();
});

async function live(username: string): Promise<Live> {
  const client = await care.login(username);
  const { socket, events } = await sockets.recording(care.url, client.cookie!);
  return {
    socket,
    get events() {
      return events.map(([name]) => name);
    },
    get presence() {
      return events.filter(([name]) => name === 'case:presence').map(([, payload]) => payload as Presence);
    },
  };
}

/** A fresh agent of the care team (so each test's viewers are its own). */
async function careAgent(): Promise<string> {
  const username = freshUsername('agent');
  await createUser(care.store, { username, role: 'agent', teams: ['care'] });
  return username;
}

const emit = (session: Live, event: string, payload: unknown): Promise<unknown> => session.socket.timeout(10_000).emitWithAck(event, payload);

/** The newest presence a session got for the case, once `check` accepts it. */
async function presenceOf(session: Live, caseId: string, check: (viewers: Viewer[]) => boolean): Promise<Viewer[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const latest = session.presence.filter((p) => p.caseId === caseId).at(-1);
    if (latest && check(latest.viewers)) return latest.viewers;
    if (Date.now() > deadline) throw new Error(`presence of ${caseId} never matched; last: ${JSON.stringify(latest)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('case presence', () => {
  it('lets two agents of the case\'s team see each other viewing, then typing', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const [first, second] = await Promise.all([careAgent(), careAgent()]);
    const [a, b] = await Promise.all([live(first), live(second)]);

    expect(await emit(a, 'case:watch', { caseId })).toEqual({ ok: true });
    expect(await presenceOf(a, caseId, (v) => v.length === 1)).toEqual([{ username: first, typing: false }]);
    expect(await emit(b, 'case:watch', { caseId })).toEqual({ ok: true });
    const both = [{ username: first, typing: false }, { username: second, typing: false }].sort((x, y) => x.username.localeCompare(y.username));
    expect(await presenceOf(a, caseId, (v) => v.length === 2)).toEqual(both);
    expect(await presenceOf(b, caseId, (v) => v.length === 2)).toEqual(both);

    expect(await emit(b, 'case:typing', { caseId, typing: true })).toEqual({ ok: true });
    expect(await presenceOf(a, caseId, (v) => v.some((viewer) => viewer.typing))).toContainEqual({ username: second, typing: true });
    expect(await emit(b, 'case:typing', { caseId, typing: true, what: 'note' })).toEqual({ ok: true });
    expect(await presenceOf(a, caseId, (v) => v.some((viewer) => viewer.what === 'note'))).toContainEqual({ username: second, typing: true, what: 'note' });
    await emit(b, 'case:typing', { caseId, typing: false });
    await presenceOf(a, caseId, (v) => v.length === 2 && v.every((viewer) => !viewer.typing));

    expect(await emit(b, 'case:unwatch', { caseId })).toEqual({ ok: true });
    expect(await presenceOf(a, caseId, (v) => v.length === 1)).toEqual([{ username: first, typing: false }]);
  });

  it('refuses a watch from another team\'s agent and from marketing, who then see nothing of the case', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const agent = await careAgent();
    const [a, hugo, mia] = await Promise.all([live(agent), live('hugo'), live('mia')]);
    expect(await emit(hugo, 'case:watch', { caseId })).toEqual({ ok: false, error: 'not_found' });
    expect(await emit(mia, 'case:watch', { caseId })).toEqual({ ok: false, error: 'not_found' });
    expect(await emit(hugo, 'case:typing', { caseId, typing: true })).toEqual({ ok: false, error: 'not_found' });

    await emit(a, 'case:watch', { caseId });
    await emit(a, 'case:typing', { caseId, typing: true });
    expect(await presenceOf(a, caseId, (v) => v.length === 1 && v[0]!.typing)).toEqual([{ username: agent, typing: true }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hugo.presence).toEqual([]);
    expect(mia.presence).toEqual([]);
  });

  it('refuses malformed watches and answers an unknown case like a case of another team', async () => {
    const a = await live(await careAgent());
    expect(await emit(a, 'case:watch', { caseId: { $ne: null } })).toEqual({ ok: false, error: 'bad_request' });
    expect(await emit(a, 'case:watch', 'nope')).toEqual({ ok: false, error: 'bad_request' });
    expect(await emit(a, 'case:typing', { caseId: 'abc', typing: 'yes' })).toEqual({ ok: false, error: 'bad_request' });
    expect(await emit(a, 'case:typing', { caseId: 'abc', typing: true, what: 'poem' })).toEqual({ ok: false, error: 'bad_request' });
    expect(await emit(a, 'case:watch', { caseId: '000000000000000000000000' })).toEqual({ ok: false, error: 'not_found' });
  });

  it('takes a viewer off when their socket disconnects', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const [first, second] = await Promise.all([careAgent(), careAgent()]);
    const [a, b] = await Promise.all([live(first), live(second)]);
    await emit(a, 'case:watch', { caseId });
    await emit(b, 'case:watch', { caseId });
    await emit(b, 'case:typing', { caseId, typing: true });
    await presenceOf(a, caseId, (v) => v.length === 2 && v.some((viewer) => viewer.typing));
    b.socket.disconnect();
    expect(await presenceOf(a, caseId, (v) => v.length === 1)).toEqual([{ username: first, typing: false }]);
  });

  it('shows one entry per user with several tabs, typing when any tab is', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const agent = await careAgent();
    const [tab1, tab2] = await Promise.all([live(agent), live(agent)]);
    await emit(tab1, 'case:watch', { caseId });
    await emit(tab2, 'case:watch', { caseId });
    await emit(tab2, 'case:typing', { caseId, typing: true });
    expect(await presenceOf(tab1, caseId, (v) => v[0]?.typing === true)).toEqual([{ username: agent, typing: true }]);
    tab2.socket.disconnect();
    expect(await presenceOf(tab1, caseId, (v) => v[0]?.typing === false)).toEqual([{ username: agent, typing: false }]);
  });

  it('drops a watcher who may not follow the case to its new team, and the new team never sees them', async () => {
    const caseId = await care.openCase('where is my parcel?');
    const agent = await careAgent();
    const a = await live(agent);
    await emit(a, 'case:watch', { caseId });
    await presenceOf(a, caseId, (v) => v.length === 1);
    const admin = await care.login('admin');
    expect((await admin.post(`/api/cases/${caseId}/escalations`, { reason: 'card number in the thread', tier: 2 })).status).toBe(200);
    await expect.poll(() => a.events.includes('case:removed')).toBe(true);
    const hugo = await live('hugo');
    expect(await emit(hugo, 'case:watch', { caseId })).toEqual({ ok: true });
    expect(await presenceOf(hugo, caseId, (v) => v.length > 0)).toEqual([{ username: 'hugo', typing: false }]);
    expect(await emit(a, 'case:typing', { caseId, typing: true })).toEqual({ ok: false, error: 'not_found' });
  });
});
