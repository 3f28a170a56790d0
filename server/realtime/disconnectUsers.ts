import type { SessionUser } from '../middleware/currentUser.js';
import type { LiveIo } from './liveIo.js';

/**
 * Disconnects every socket of these users (e.g. their role, teams or enabled
 * state changed): a connected socket keeps the rooms it joined, so it must
 * go. The client reconnects by itself and the handshake, which reads the user
 * again, puts it in the rooms it may see now (or refuses a disabled user).
 * A disconnect by the server is not kept for connection state recovery, so
 * the old rooms do not come back.
 */
export async function disconnectUsers(io: LiveIo, userIds: readonly string[]): Promise<void> {
  const ids = new Set(userIds);
  for (const socket of await io.fetchSockets()) {
    if (ids.has((socket.data as { user?: SessionUser }).user?.id ?? '')) socket.disconnect(true);
  }
}

/** Disconnects every socket opened with these sessions (the sessions ended: logged out), wherever they are connected. */
export async function disconnectSessions(io: LiveIo, sessionIds: readonly string[]): Promise<void> {
  const ids = new Set(sessionIds);
  for (const socket of await io.fetchSockets()) {
    if (ids.has((socket.data as { sessionId?: string }).sessionId ?? '')) socket.disconnect(true);
  }
}
