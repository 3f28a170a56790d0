/** With several processes, a process that only queues replies nudges the one that sends them, over Redis. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import { redisOutboxNudges, type LaneOf, type OutboxNudges } from '../../server/replies/outboxNudges.js';
import { Replies } from '../../server/replies/replies.js';
import { allTeamsScope } from '../../server/store/index.js';
import { activeRules, BRAND_ID, message } from '../commands/ingestFixture.js';
import { startRedis, type RunningRedis } from '../support/redisServer.js';
import { ScriptedConnector } from '../support/scriptedConnector.js';
import { useFreshStore } from '../support/testStore.js';

const BRAND = new Set([`x:${BRAND_ID}`]);
const WAIT = { timeout: 15_000, interval: 20 };

let redis: RunningRedis;
const clients: Redis[] = [];
const nudgesList: OutboxNudges[] = [];
function nudgesOfAProcess(): OutboxNudges {
  const client = new Redis(redis.url);
  clients.push(client);
  const nudges = redisOutboxNudges(client);
  nudgesList.push(nudges);
  return nudges;
}
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(nudgesList.map((nudges) => nudges.close()));
  await Promise.all(clients.map((client) => client.quit()));
  await redis.stop();
});

describe('outbox nudges over Redis', () => {
  it('carry the lanes of a nudge to every listener of another connection', async () => {
    const [sender, listener] = [nudgesOfAProcess(), nudgesOfAProcess()];
    const heard: Array<LaneOf[] | undefined> = [];
    const stop = listener.listen((lanes) => heard.push(lanes));
    // The subscription is made on the first listen: nudge until it is in place.
    await vi.waitFor(() => {
      sender.nudge([{ platform: 'x', channel: 'dm' }]);
      expect(heard.length).toBeGreaterThan(0);
    }, WAIT);
    expect(heard[0]).toEqual([{ platform: 'x', channel: 'dm' }]);
    stop();
    const before = heard.length;
    sender.nudge([{ platform: 'x', channel: 'public' }]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toHaveLength(before);
  });

  describe('between two processes on one store', () => {
    const fresh = useFreshStore('nudges');

    it('a reply queued by a process that does not send is sent by the one that does, without waiting for its periodic look', async () => {
      const { store } = fresh;
      let id = 7000;
      const connector = new ScriptedConnector(() => String(++id));
      const options = { store, rules: activeRules(), brandAccounts: BRAND, announce: async () => {} };
      const web = new Replies({ ...options, connectors: () => [], nudges: nudgesOfAProcess() });
      const worker = new Replies({ ...options, connectors: () => [connector], nudges: nudgesOfAProcess() });
      const customer = message('where is my parcel?', '42');
      await ingestMessages({ store, rules: activeRules(), brandAccounts: BRAND, messages: [customer] });
      const opened = (await store.collections.cases.findOne(allTeamsScope(), { threadId: customer.threadId }))!;
      worker.start();
      try {
        // Past the worker's start-up look (which would find a reply queued before it) and its subscription's connect; a nudge
        // published before the subscription is in place is lost, so the reply is queued again until one is sent.
        await new Promise((resolve) => setTimeout(resolve, 500));
        let queued = 0;
        await vi.waitFor(async () => {
          await web.queue({ scope: allTeamsScope(), sender: { kind: 'user', id: 'u1' }, caseId: opened._id, text: `on its way (${++queued})`, channel: 'dm' });
          expect(connector.sent.length).toBeGreaterThan(0);
        }, WAIT);
        await vi.waitFor(() => expect(connector.sent).toHaveLength(queued), WAIT);
        expect(connector.sent.every(({ reply }) => reply.channel === 'dm' && reply.recipientId === '42')).toBe(true);
      } finally {
        await worker.stop();
      }
    });
  });
});
