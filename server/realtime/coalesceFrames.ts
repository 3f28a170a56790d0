import type { Server } from 'socket.io';

/** The parts of engine.io's websocket transport (and ws underneath) this touches; absent on other transports. */
interface CorkableTransport {
  name: string;
  send(packets: unknown[]): void;
  socket?: { _socket?: { cork(): void; uncork(): void } };
}

interface EngineSocket {
  transport: CorkableTransport;
  on(event: 'upgrade', listener: (transport: CorkableTransport) => void): void;
}

const wrapped = new WeakSet<CorkableTransport>();

/**
 * Makes each websocket write every frame that engine.io flushes at once in
 * one system call. engine.io sends the packets queued for a client one frame
 * at a time, and ws writes each frame straight to the TCP socket: a burst of
 * N events for a client costs N writev calls, which on 200 clients at 200
 * cases/s was most of the server's time. Corking the TCP socket around the
 * flush hands the kernel all the frames together; the bytes are unchanged.
 */
export function coalesceWebsocketFrames(io: Server): void {
  io.engine.on('connection', (socket: EngineSocket) => {
    corkFlushes(socket.transport);
    socket.on('upgrade', corkFlushes);
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
