import { Server } from 'socket.io';
import { SessionAwareAdapter } from 'socket.io-adapter';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { anyoneMayHear, checkedRecoveryAdapter, type AdapterFactory } from '../../server/realtime/checkedRecovery.js';

const RECOVERY_WINDOW_MS = 60_000;
const noSession = async () => undefined;

/** A Socket.IO server with the product's adapter, not attached to HTTP (no port to close). */
function liveServer(base?: AdapterFactory): Server {
  return new Server({ serveClient: false, adapter: checkedRecoveryAdapter(noSession, base), connectionStateRecovery: { maxDisconnectionDuration: RECOVERY_WINDOW_MS } });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('whether an event could reach anyone (the feed builds none that cannot)', () => {
  it('in one process: only when a socket is in one of the rooms', () => {
    const io = liveServer();
    expect(anyoneMayHear(io, ['team:care', 'admins'])).toBe(false);
    io.of('/').adapter.addAll('socket-1', new Set(['team:care']));
    expect(anyoneMayHear(io, ['team:care', 'admins'])).toBe(true);
    expect(anyoneMayHear(io, ['team:social'])).toBe(false);
    io.of('/').adapter.delAll('socket-1');
    expect(anyoneMayHear(io, ['team:care'])).toBe(false);
  });

  it('while a disconnected session may still recover its missed events: always, until its window has passed', () => {
    vi.useFakeTimers();
    const io = liveServer();
    io.of('/').adapter.persistSession({ sid: 's', pid: 'p', rooms: ['team:care'], data: {} });
    expect(anyoneMayHear(io, ['team:social'])).toBe(true);
    vi.advanceTimersByTime(RECOVERY_WINDOW_MS - 1);
    expect(anyoneMayHear(io, ['team:social'])).toBe(true);
    vi.advanceTimersByTime(2);
    expect(anyoneMayHear(io, ['team:social'])).toBe(false);
  });

  it('with a shared adapter (several processes): always, since other processes\' sockets are not known here', () => {
    const io = liveServer((nsp) => new SessionAwareAdapter(nsp));
    expect(anyoneMayHear(io, ['team:care'])).toBe(true);
  });
});
