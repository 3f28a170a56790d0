/** Socket.IO clients for the tests (not a test file itself): logged in with a session cookie, closed after the file's tests. */
import { io as connect, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

/** Logs in through POST /api/session (password `demo`) and returns the session cookie to send. */
export async function sessionCookie(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

export type SocketClientOptions = Partial<ManagerOptions & SocketOptions>;

/** The sockets one test file opens; `closeAll` in its afterAll. */
export class TestSockets {
  private readonly open: Socket[] = [];

  /**
   * Connects to `url` with the cookie (websocket only, no reconnection unless `options` say otherwise) and
   * waits for the handshake; rejects with the server's refusal. `listen` attaches listeners before it connects.
   */
  async connect(url: string, cookie: string | null, options: SocketClientOptions = {}, listen?: (socket: Socket) => void): Promise<Socket> {
    const socket = connect(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, ...options });
    this.open.push(socket);
    listen?.(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  }

  /** Connects like `connect` and records every event it gets, in order. */
  async recording<Payload = unknown>(url: string, cookie: string | null): Promise<{ socket: Socket; events: Array<[string, Payload]> }> {
    const events: Array<[string, Payload]> = [];
    const socket = await this.connect(url, cookie, {}, (opened) => opened.onAny((event: string, payload: Payload) => events.push([event, payload])));
    return { socket, events };
  }

  closeAll(): void {
    for (const socket of this.open) socket.disconnect();
  }
}
