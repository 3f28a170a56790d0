import type { Server, Socket } from 'socket.io';
import type { LiveCommands, LiveEvents } from './liveEvents.js';
import type { PresenceAck } from './presenceShapes.js';

type Emits = { [E in keyof LiveEvents]: (payload: LiveEvents[E]) => void };
// The server checks what clients send, so it takes their payloads as unknown.
type Listens = { [C in keyof LiveCommands]: (payload: unknown, ack?: (answer: PresenceAck) => void) => void };

/** The Socket.IO server, its emits checked against LiveEvents. */
export type LiveIo = Server<Listens, Emits>;
/** One connected client of it. */
export type LiveSocket = Socket<Listens, Emits>;
