/**
 * Connection state recovery re-checks rights: Socket.IO replays a recovered
 * socket's missed events before any middleware runs, so a socket whose user
 * changed (teams, role, disabled) or whose session ended while it was away
 * must not be recovered; it gets a fresh connection, checked at the handshake.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { freshUsername, useCareServer, type Client } from '../routes/careClient.js';
import { TestSockets } from './testSockets.js';

const sockets = new TestSockets();

const care = useCareServer();
const admin = care.loggedIn('admin');
afterAll(async () => {
  sockets.closeAll();
});

interface Live {
  socket: Socket;
  /** The teams of the cases this socket was told about, in order. */
  teams: string[];
  /** The same, of every case:upsert that reached the connection, even one the client never passes on (before a refused connect). */
  wire: string[];
}

/**
 * A socket that reconnects by itself one second after a drop, once it got a first case:upsert (a client
 * asks for recovery only from the offset of an event it received).
 */
async function live(cookie: string): Promise<Live> {
  const teams: string[] = [];
  const wire: string[] = [];
  const socket = await sockets.connect(care.url, cookie, { reconnection: true, reconnectionDelay: 1_000, reconnectionDelayMax: 1_000, randomizationFactor: 0 }, (opened) => {
    opened.on('case:upsert', (payload: { case: { team: string } }) => teams.push(payload.case.team));
    opened.io.on('packet', (packet: { type: number; data?: unknown[] }) => {
      if (packet.type === 2 && packet.data?.[0] === 'case:upsert') wire.push((packet.data[1] as { case: { team: string } }).case.team);
    });
  });
  await care.openCase('a first question for care');
  await expect.poll(() => teams).toEqual(['care']);
  teams.length = 0;
  wire.length = 0;
  return { socket, teams, wire };
}

/** Drops the connection as a network failure would (recoverable), runs `meanwhile`, and waits for the reconnect. */
async function dropAndReconnect(socket: Socket, meanwhile: () => Promise<void>): Promise<{ recovered: boolean }> {
  const back = new Promise<void>((resolve) => socket.io.once('reconnect', () => resolve()));
  socket.io.engine.close();
  await meanwhile();
  await back;
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { recovered: socket.recovered };
}

async function newAgent(): Promise<{ id: string; client: Client }> {
  const username = freshUsername('recover');
  const created = await admin.post('/api/users', { username, password: 'recover password', role: 'agent', teams: ['care'] });
  expect(created.status).toBe(201);
  return { id: created.body.user.id, client: await care.login(username, 'recover password') };
}

describe('connection state recovery', () => {
  it('recovers an unchanged user\'s socket with the events it missed', async () => {
    const agent = await newAgent();
    const socket = await live(agent.client.cookie!);
    const outcome = await dropAndReconnect(socket.socket, async () => void (await care.openCase('a question while away')));
    expect(outcome.recovered).toBe(true);
    expect(socket.teams).toEqual(['care']);
  });

  it('does not recover a socket whose user moved to another team while away: nothing of the old team is replayed', async () => {
    const agent = await newAgent();
    const socket = await live(agent.client.cookie!);
    const outcome = await dropAndReconnect(socket.socket, async () => {
      expect((await admin.patch(`/api/users/${agent.id}`, { teams: ['helpdesk'] })).status).toBe(200);
      await care.openCase('a care question nobody of helpdesk may see');
    });
    expect(outcome.recovered).toBe(false);
    expect(socket.socket.connected).toBe(true);
    await care.openCase('a refund, please');
    await expect.poll(() => socket.teams).toEqual(['helpdesk']);
  });

  it('does not recover a socket whose session ended while away', async () => {
    const agent = await newAgent();
    const socket = await live(agent.client.cookie!);
    const refused = new Promise<Error>((resolve) => socket.socket.once('connect_error', resolve));
    socket.socket.io.engine.close();
    expect((await agent.client.delete('/api/session')).status).toBeLessThan(300);
    await care.openCase('a care question after logging out');
    expect((await refused).message).toBe('unauthorized');
    socket.socket.disconnect();
    expect(socket.teams).toEqual([]);
    expect(socket.wire).toEqual([]);
  });
});
