import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../server/routing/index.js';
import { startTestServer } from '../server/startTestServer.js';
import { sessionCookie, TestSockets } from './testSockets.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets = new TestSockets();

beforeAll(async () => {
  server = await startTestServer({ X_SIMULATOR: '1', RULES_FILE: 'test/routes/fixtures/teams.rules.json' }, { simulator: { items: 0, feed: undefined }, startConnectors: false });
});
afterAll(async () => {
  sockets.closeAll();
  await server.stop();
});

/** A logged-in socket recording every case:upsert as [caseId, seq]. */
async function agent(username: string): Promise<{ socket: Socket; upserts: Array<[string, number]>; threads: Set<string> }> {
  const upserts: Array<[string, number]> = [];
  const threads = new Set<string>();
  const socket = await sockets.connect(server.url, await sessionCookie(server.url, username), { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 100 }, (opened) => {
    opened.on('case:upsert', (payload: { case: { id: string; threadId: string }; seq: number }) => {
      upserts.push([payload.case.id, payload.seq]);
      threads.add(payload.case.threadId);
    });
  });
  return { socket, upserts, threads };
}

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe('end to end over real sockets', () => {
  it('simulator → connector → router → case → case:upsert at the right team only', async () => {
    const [ana, hugo] = await Promise.all([agent('ana'), agent('hugo')]);
    const sim = server.simulator!.sim;
    const outage = sim.addMention({ text: 'your app is broken again' }); // → social (ana)
    const refund = sim.addMention({ text: 'I want a refund' }); // → helpdesk (hugo)
    await server.connectors[0]!.pollOnce();
    await settle();
    expect([...ana.threads]).toEqual([outage.conversationId]);
    expect([...hugo.threads]).toEqual([refund.conversationId]);
  });

  it('after a dropped connection in the middle of a burst, the client has every update, in order', async () => {
    const steady = await agent('ana');
    const dropped = await agent('ana');
    let sequence = 0;
    const burst = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const thread = `burst-${i % 4}`;
        const message: Message = { id: `chat:burst-${++sequence}`, platform: 'chat', channel: 'public', text: `still waiting ${sequence}`, createdAt: new Date().toISOString(), author: { id: 'c1' }, threadId: thread };
        await server.ingest([message]);
      }
    };
    await burst(10);
    await settle(100);
    const reconnected = new Promise<void>((resolve) => dropped.socket.io.once('reconnect', () => resolve()));
    dropped.socket.io.engine.close();
    await burst(20);
    await reconnected;
    await burst(10);
    await settle();
    expect(dropped.socket.recovered).toBe(true);
    expect(steady.upserts.length).toBeGreaterThanOrEqual(40);
    expect(dropped.upserts).toEqual(steady.upserts);
    const perCase = new Map<string, number[]>();
    for (const [caseId, seq] of dropped.upserts) perCase.set(caseId, [...(perCase.get(caseId) ?? []), seq]);
    for (const seqs of perCase.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});
