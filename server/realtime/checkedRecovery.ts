import { SessionAwareAdapter, type Adapter } from 'socket.io-adapter';
import type { SessionUser } from '../middleware/currentUser.js';
import { roomsFor } from './rooms.js';

type Restored = Awaited<ReturnType<SessionAwareAdapter['restoreSession']>>;
type Persisted = Parameters<SessionAwareAdapter['persistSession']>[0];

/** The user of a session as it is now (re-read from the store), or undefined once the session ended or the user is gone or disabled. */
export type SessionUserNow = (sessionId: string) => Promise<SessionUser | undefined>;

/** What a socket keeps in socket.data from its handshake. */
export interface LiveSocketData {
  user: SessionUser;
  sessionId: string;
}

/** Makes the adapter of a namespace (one process's memory, or Redis shared by every web process). */
export type AdapterFactory = (nsp: ConstructorParameters<typeof SessionAwareAdapter>[0]) => Adapter;

const inMemory: AdapterFactory = (nsp) => new SessionAwareAdapter(nsp);

/** Of an adapter keeping everything in this process: until when a session persisted here may still be restored. */
const recoverableUntil = new WeakMap<Adapter, number>();

/**
 * Whether an event to these rooms could reach anyone, now or on recovery: a
 * socket of this process in one of them, or a disconnected session that may
 * still come back for its missed events. Always true with a shared adapter
 * (Redis): sockets of other processes are not known here. Lets the feed
 * skip building events nobody will receive (the one process at night).
 */
export function anyoneMayHear(io: { of(namespace: string): { adapter: Adapter } }, rooms: readonly string[]): boolean {
  const adapter = io.of('/').adapter;
  const until = recoverableUntil.get(adapter);
  if (until === undefined || Date.now() < until) return true;
  return rooms.some((room) => (adapter.rooms.get(room)?.size ?? 0) > 0);
}

/**
 * Socket.IO's connection state recovery with the rights checked again.
 * Socket.IO replays a recovered socket's missed events, and gives back its
 * rooms, before any middleware runs; so a session is restored only when its
 * session is still live and its user still exists, is enabled and may see
 * exactly the same rooms. Otherwise
 * the client gets a fresh connection (rooms from the handshake, which checks
 * the cookie) and refetches. A restored socket skips the middlewares (the
 * check here is theirs): while they ran it would sit in its rooms without
 * receiving their events. Watched-case rooms (presence) are never carried
 * over: the client watches again after reconnecting, and the watch is checked.
 * The checks wrap whichever adapter keeps the sessions: in memory (one
 * process) or the Redis streams adapter, where a client may come back to
 * another web process than the one it left.
 */
export function checkedRecoveryAdapter(sessionUserNow: SessionUserNow, base: AdapterFactory = inMemory): typeof SessionAwareAdapter {
  // A plain function, not a class: Socket.IO calls `new` on it, and the object it returns is the adapter.
  function CheckedRecoveryAdapter(nsp: Parameters<AdapterFactory>[0]): Adapter {
    const adapter = base(nsp);
    const persist = adapter.persistSession.bind(adapter);
    const restore = adapter.restoreSession.bind(adapter);
    const local = base === inMemory;
    if (local) recoverableUntil.set(adapter, 0);
    adapter.persistSession = (session: Persisted) => {
      if (local) recoverableUntil.set(adapter, Date.now() + recoveryWindowMs(nsp));
      return persist({ ...session, rooms: session.rooms.filter((room) => !room.startsWith('case:')) });
    };
    adapter.restoreSession = async (pid, offset): Promise<Restored> => {
      const found = await restore(pid, offset);
      const data = found?.data as LiveSocketData | undefined;
      if (!found || !data?.user || !data.sessionId) return null as unknown as Restored;
      const now = await sessionUserNow(data.sessionId);
      if (!now || !sameRooms(roomsFor(now), roomsFor(data.user))) return null as unknown as Restored;
      // The check above waits on the store; events emitted meanwhile reach neither the missed packets read
      // before it nor the socket, which is not built yet. So the session goes back and is read again: its
      // missed packets are then read right before Socket.IO builds the socket in its rooms.
      await persist({ sid: found.sid, pid: found.pid, rooms: found.rooms, data: found.data });
      const fresh = await restore(pid, offset);
      if (!fresh) return null as unknown as Restored;
      return { ...fresh, data: { ...data, user: now } };
    };
    return adapter;
  }
  return CheckedRecoveryAdapter as unknown as typeof SessionAwareAdapter;
}

/** How long Socket.IO keeps a disconnected session restorable (its own default when unset). */
function recoveryWindowMs(nsp: Parameters<AdapterFactory>[0]): number {
  const options = (nsp.server as unknown as { opts: { connectionStateRecovery?: { maxDisconnectionDuration?: number } } }).opts;
  return options.connectionStateRecovery?.maxDisconnectionDuration ?? 2 * 60_000;
}

function sameRooms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
