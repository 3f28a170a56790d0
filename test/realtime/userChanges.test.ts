/**
 * Live sockets follow changes to their user: when an admin changes a user's
 * teams or role, or disables them, that user's sockets are disconnected (the
 * rooms they joined no longer fit) and a reconnect joins the rooms the user
 * may see now, or is refused. Other users' sockets stay up.
 */
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freshUsername, send, useCareServer, type Client } from '../routes/careClient.js';
import { TestSockets } from './testSockets.js';

const sockets = new TestSockets();

const care = useCareServer();
const admin = care.loggedIn('admin');
afterAll(async () => {
  sockets.closeAll();
});

/** A connected socket with the session cookie, recording the teams of the cases it is told about. */
async function live(cookie: string): Promise<{ socket: Socket; teams: string[]; disconnected: Promise<string> }> {
  const teams: string[] = [];
  let disconnected!: Promise<string>;
  const socket = await sockets.connect(care.url, cookie, {}, (opened) => {
    opened.on('case:upsert', (payload: { case: { team: string } }) => teams.push(payload.case.team));
    disconnected = new Promise<string>((resolve) => opened.once('disconnect', (reason) => resolve(reason)));
  });
  return { socket, teams, disconnected };
}

/** An agent of `care` created through the API, logged in. */
async function newAgent(): Promise<{ id: string; client: Client }> {
  const username = freshUsername('live');
  const created = await admin.post('/api/users', { username, password: 'live password', role: 'agent', teams: ['care'] });
  expect(created.status).toBe(201);
  return { id: created.body.user.id, client: await care.login(username, 'live password') };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('sockets of a changed user', () => {
  it('are disconnected when their teams change, and a reconnect joins the new team\'s room only', async () => {
    const agent = await newAgent();
    const before = await live(agent.client.cookie!);
    const ana = await live((await care.login('ana')).cookie!);
    expect((await admin.patch(`/api/users/${agent.id}`, { teams: ['helpdesk'] })).status).toBe(200);
    expect(await before.disconnected).toBe('io server disconnect');

    const after = await live(agent.client.cookie!);
    await care.openCase('a plain question for care');
    await care.openCase('a refund, please');
    await vi.waitFor(() => {
      expect(after.teams).toContain('helpdesk');
      expect(ana.teams).toContain('care');
    }, { timeout: 15_000, interval: 20 });
    await settle();
    expect(after.teams).toEqual(['helpdesk']);
    expect(before.teams).toEqual([]);
    // Someone else's socket was left alone.
    expect(ana.socket.connected).toBe(true);
    expect(ana.teams).toEqual(['care']);
  });

  it('are disconnected when the role changes', async () => {
    const agent = await newAgent();
    const before = await live(agent.client.cookie!);
    await admin.patch(`/api/users/${agent.id}`, { role: 'marketing', teams: [] });
    expect(await before.disconnected).toBe('io server disconnect');
    const after = await live(agent.client.cookie!);
    await care.openCase('another question for care');
    await settle();
    expect(after.teams).toEqual([]);
  });

  it('are disconnected when the user is disabled, and cannot connect again', async () => {
    const agent = await newAgent();
    const before = await live(agent.client.cookie!);
    await admin.patch(`/api/users/${agent.id}`, { disabled: true });
    expect(await before.disconnected).toBe('io server disconnect');
    await expect(live(agent.client.cookie!)).rejects.toThrow('unauthorized');
  });

  it('stay up when only the name changes', async () => {
    const agent = await newAgent();
    const before = await live(agent.client.cookie!);
    await admin.patch(`/api/users/${agent.id}`, { name: 'Renamed' });
    await settle();
    expect(before.socket.connected).toBe(true);
    // Nor was the session touched.
    expect((await send(care.url, 'GET', '/api/session', undefined, { cookie: agent.client.cookie! })).status).toBe(200);
  });
});
