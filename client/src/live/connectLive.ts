import { io } from 'socket.io-client';
// Type-only: the events' payloads are the server's own definition (its emits are checked against it).
import type { LiveCommands, LiveEvents } from '../../../server/realtime/liveEvents.js';

export type { LiveCommands, LiveEvents };

/**
 * `connecting`: not connected yet (and maybe never: a server without live
 * events leaves the inbox working, without a banner); `connected`; `lost`: was
 * connected and is now retrying by itself.
 */
export type LiveStatus = 'connecting' | 'connected' | 'lost';

export type LiveEventName = keyof LiveEvents;

export interface LiveConnection {
  status(): LiveStatus;
  onStatus(listener: (status: LiveStatus) => void): () => void;
  on<E extends LiveEventName>(event: E, listener: (payload: LiveEvents[E]) => void): () => void;
  /** Called after a reconnect the server could not fill in (events may have been missed: refetch). */
  onResync(listener: () => void): () => void;
  /** Sends a presence command (dropped while disconnected: watches are sent again on every connect). */
  emit<C extends keyof LiveCommands>(command: C, payload: LiveCommands[C]): void;
  close(): void;
}

/** Connects to the same origin's Socket.IO with the session cookie; reconnects by itself. */
export function connectLive(): LiveConnection {
  const socket = io({ withCredentials: true, reconnectionDelay: 500, reconnectionDelayMax: 5000 });
  let status: LiveStatus = 'connecting';
  let connectedOnce = false;
  const statusListeners = new Set<(status: LiveStatus) => void>();
  const resyncListeners = new Set<() => void>();

  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  socket.on('connect', () => {
    if (connectedOnce && !socket.recovered) for (const listener of resyncListeners) listener();
    connectedOnce = true;
    setStatus('connected');
  });
  socket.on('disconnect', (reason) => {
    setStatus(connectedOnce ? 'lost' : 'connecting');
    // The client retries by itself except when the server closed the socket: try again after a pause.
    if (reason === 'io server disconnect') window.setTimeout(() => socket.connect(), 5000);
  });
  socket.on('connect_error', () => setStatus(connectedOnce ? 'lost' : 'connecting'));

  return {
    status: () => status,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    on(event, listener) {
      const handler = listener as (payload: unknown) => void;
      socket.on(event as string, handler);
      return () => socket.off(event as string, handler);
    },
    onResync(listener) {
      resyncListeners.add(listener);
      return () => resyncListeners.delete(listener);
    },
    emit(command, payload) {
      if (socket.connected) socket.emit(command, payload);
    },
    close() {
      statusListeners.clear();
      resyncListeners.clear();
      socket.disconnect();
    },
  };
}
