import { SessionAwareAdapter } from 'socket.io-adapter';
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

/**
 * Socket.IO's connection state recovery with the rights checked again.
 * Socket.IO replays a recovered socket's missed events, and gives back its
 * rooms, before any middleware runs; so a session is restored only when its
 * session is still live and its user still exists, is enabled and may see
 * exactly the same rooms. Otherwise
 * the client gets a fresh connection (rooms from the handshake, which checks
 * the cookie) and refetches. Watched-case rooms (presence) are never carried
 * over: the client watches again after reconnecting, and the watch is checked.
 */
export function checkedRecoveryAdapter(sessionUserNow: SessionUserNow): typeof SessionAwareAdapter {
  return class CheckedRecoveryAdapter extends SessionAwareAdapter {
    override persistSession(session: Persisted): void {
      super.persistSession({ ...session, rooms: session.rooms.filter((room) => !room.startsWith('case:')) });
    }

    override async restoreSession(pid: string, offset: string): Promise<Restored> {
      const session = await super.restoreSession(pid, offset);
      const data = session?.data as LiveSocketData | undefined;
      if (!session || !data?.user || !data.sessionId) return null as unknown as Restored;
      const now = await sessionUserNow(data.sessionId);
      if (!now || !sameRooms(roomsFor(now), roomsFor(data.user))) return null as unknown as Restored;
      return { ...session, data: { ...data, user: now } };
    }
  };
}

function sameRooms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}
