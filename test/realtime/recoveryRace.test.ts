/**
 * A recovered socket misses nothing emitted while its rights are checked
 * again: the check waits on the store, and events go on meanwhile.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../server/middleware/currentUser.js';
import { attachLiveServer } from '../../server/realtime/liveServer.js';
import type { LiveIo } from '../../server/realtime/liveIo.js';
import { teamRoom } from '../../server/realtime/rooms.js';
import { TestSockets } from './testSockets.js';

const agent: SessionUser = { id: 'u1', username: 'ana', role: 'agent', teams: ['care'] };
let http: HttpServer;
let io: LiveIo;
let url: string;
/** Runs while the restored session's user is read again, as a slow store read would let other work run. */
let duringCheck: () => void = () => undefined;
const sockets = new TestSockets();

beforeAll(async () => {
  http = createServer();
  ({ io } = attachLiveServer(http, {
    authenticate: async (cookie) => (cookie === 'sid=s1' ? { session: { id: 's1' }, user: agent } : undefined),
    sessionUserNow: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      duringCheck();
      await new Promise((resolve) => setTimeout(resolve, 20));
      return agent;
    },
  }));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  sockets.closeAll();
  await io.close();
});

describe('connection state recovery while rights are checked again', () => {
  it('delivers the events emitted during the check, after those missed before it, in order', async () => {
    const seen: number[] = [];
    const socket = await sockets.connect(url, 'sid=s1', { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 50 }, (opened) => {
      opened.on('case:upsert', (payload: { seq: number }) => seen.push(payload.seq));
    });
    const emit = (seq: number) => io.to(teamRoom('care')).emit('case:upsert', { case: {} as never, seq });
    emit(1);
    await expect.poll(() => seen).toEqual([1]);
    const back = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.io.engine.close();
    await new Promise((resolve) => setTimeout(resolve, 10));
    emit(2);
    duringCheck = () => emit(3);
    await back;
    emit(4);
    await expect.poll(() => seen).toEqual([1, 2, 3, 4]);
    expect(socket.recovered).toBe(true);
  });
});
