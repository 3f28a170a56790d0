import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { SessionAwareAdapter } from 'socket.io-adapter';
import type { SessionUser } from '../middleware/currentUser.js';
import type { Store } from '../store/index.js';
import { checkedRecoveryAdapter, type AdapterFactory, type LiveSocketData, type SessionUserNow } from './checkedRecovery.js';
import { CasePresence } from './presence.js';
import type { PresenceShare } from './sharedPresence.js';
import { coalesceWebsocketFrames } from './coalesceFrames.js';
import { roomsFor } from './rooms.js';
import type { LiveIo } from './liveIo.js';

/** How sockets are authenticated: the handshake's session cookie, and a session's user as it is now (on recovery). */
export interface LiveAuth {
  authenticate(cookieHeader: string | undefined): Promise<{ session: { id: string }; user: SessionUser } | undefined>;
  sessionUserNow: SessionUserNow;
}

/** How long a dropped client's missed events are kept for it (Socket.IO connection state recovery); past that it refetches. */
export const RECOVERY_WINDOW_MS = 2 * 60_000;

/**
 * Socket.IO on the same origin as the API. The handshake authenticates with
 * the session cookie; each socket joins only the rooms its user may see.
 * With the store, sockets may also watch the cases they may see (presence).
 * With a Redis adapter, events of every process reach sockets of every web
 * process.
 */
export function attachLiveServer(http: HttpServer, auth: LiveAuth, options: { store?: Store; coalesceFrames?: boolean; adapter?: AdapterFactory; presenceShare?: PresenceShare } = {}): { io: LiveIo; presence?: CasePresence } {
  const { store } = options;
  const io: LiveIo = new Server(http, {
    serveClient: false,
    adapter: checkedRecoveryAdapter(auth.sessionUserNow, options.adapter),
    connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS, skipMiddlewares: true },
  });
  if (options.coalesceFrames ?? true) coalesceWebsocketFrames(io);
  io.use((socket, next) => {
    auth.authenticate(socket.request.headers.cookie).then(
      (found) => {
        if (!found) return next(new Error('unauthorized'));
        const data: LiveSocketData = { user: found.user, sessionId: found.session.id };
        Object.assign(socket.data as object, data);
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });
  const presence = store ? new CasePresence(io, store, options.presenceShare) : undefined;
  io.on('connection', (socket) => {
    const user = socket.data.user as SessionUser;
    // A recovered socket gets its rooms back from the recovery state; joining again is harmless.
    void socket.join(roomsFor(user));
    presence?.attach(socket);
  });
  return { io, presence };
}

/** A Socket.IO server with no clients of its own (ROLE=worker): what it emits goes through the shared adapter to the web processes' sockets. */
export function detachedLiveServer(adapter: AdapterFactory): LiveIo {
  return new Server({ serveClient: false, adapter: adapter as unknown as typeof SessionAwareAdapter, connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS } });
}
