/** Logging out ends the session's live sockets too: they stop receiving case events at once; the user's other sessions stay live. */
import { afterAll, describe, expect, it } from 'vitest';
import { useCareServer } from '../routes/careClient.js';
import { TestSockets } from './testSockets.js';

const sockets = new TestSockets();

const care = useCareServer();
afterAll(async () => {
  sockets.closeAll();
});

describe('logging out', () => {
  it('closes the sockets of that session, and only those', async () => {
    const leaving = await care.login('ana');
    const staying = await care.login('ana');
    let disconnected!: Promise<string>;
    const leavingSocket = await sockets.connect(care.url, leaving.cookie, {}, (socket) => {
      disconnected = new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    });
    const stayingLive = await sockets.recording(care.url, staying.cookie);

    expect((await leaving.delete('/api/session')).status).toBe(204);
    expect(await disconnected).toBe('io server disconnect');
    expect(leavingSocket.connected).toBe(false);
    await expect(sockets.connect(care.url, leaving.cookie)).rejects.toThrow('unauthorized');

    await care.openCase('a question for care after the log-out');
    await expect.poll(() => stayingLive.events.map(([event]) => event)).toContain('case:upsert');
    expect(stayingLive.socket.connected).toBe(true);
  });
});
