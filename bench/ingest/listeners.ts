/**
 * The people watching during `npm run bench -- ingest --connected`, in their own process (as their browsers
 * are): the four demo users (admin, ana, hugo, mia) log in and keep a socket open, so every team room, the
 * admins' room and the monitor hear each ingested case. Tells the parent `ready` over IPC, and on `stop`
 * answers how many events arrived.
 */
import { io as connect, type Socket } from 'socket.io-client';
import { sessionCookie } from '../support/sessionCookie.js';

export type ListenerReply = { type: 'ready' } | { type: 'events'; count: number };

const url = process.argv[2]!;
const send = (message: ListenerReply) => process.send!(message);
let events = 0;

async function watch(username: string): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie: await sessionCookie(url, username) }, reconnection: false });
  socket.onAny(() => events++);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

const sockets = await Promise.all(['admin', 'ana', 'hugo', 'mia'].map(watch));
process.on('message', () => {
  for (const socket of sockets) socket.close();
  send({ type: 'events', count: events });
  process.exit(0);
});
send({ type: 'ready' });
