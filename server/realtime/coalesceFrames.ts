import type { LiveIo } from './liveIo.js';

/** The parts of engine.io's websocket transport (and ws underneath) this touches; absent on other transports. */
interface CorkableTransport {
  name: string;
  writable: boolean;
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

interface EngineSocket {
  transport: CorkableTransport;
  on(event: 'upgrade', listener: (transport: CorkableTransport) => void): void;
  on(event: 'close', listener: () => void): void;
  /** engine.io's own: sends the queued packets when the transport is writable. */
  flush(): void;
}

const wrapped = new WeakSet<CorkableTransport>();
/** The open engine.io connections of each Socket.IO server. */
const connections = new WeakMap<LiveIo, Set<EngineSocket>>();

/**
 * Makes each websocket write every frame that engine.io flushes at once in
 * one system call. engine.io sends the packets queued for a client one frame
 * at a time, and ws writes each frame straight to the TCP socket: a burst of
 * N events for a client costs N writev calls, which on 200 clients at 200
 * cases/s was most of the server's time. Corking the TCP socket around the
 * flush hands the kernel all the frames together; the bytes are unchanged.
 */
export function coalesceWebsocketFrames(io: LiveIo): void {
  const open = new Set<EngineSocket>();
  connections.set(io, open);
  io.engine.on('connection', (socket: EngineSocket) => {
    open.add(socket);
    corkFlushes(socket.transport);
    socket.on('upgrade', corkFlushes);
    socket.on('close', () => open.delete(socket));
  });
}

function corkFlushes(transport: CorkableTransport): void {
  const tcp = transport.socket?._socket;
  if (transport.name !== 'websocket' || !tcp || wrapped.has(transport)) return;
  wrapped.add(transport);
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    tcp.cork();
    try {
      send(packets);
    } finally {
      tcp.uncork();
    }
  };
}

/**
 * Runs `emit` (synchronous: a burst of events) with every idle websocket
 * holding its packets, then lets each send its burst at once. Without it,
 * engine.io writes a client's first packet straight away and the rest after
 * that write completes: two system calls per client per burst instead of one.
 */
export function inOneFlush(io: LiveIo, emit: () => void): void {
  const held: EngineSocket[] = [];
  for (const socket of connections.get(io) ?? []) {
    if (socket.transport.name !== 'websocket' || !socket.transport.writable) continue;
    socket.transport.writable = false;
    held.push(socket);
  }
  try {
    emit();
  } finally {
    for (const socket of held) {
      socket.transport.writable = true;
      socket.flush();
    }
  }
}
