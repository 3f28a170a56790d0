import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXSimulator, type RunningXSimulator } from '../../server/simulator/x/index.js';
import { allTeamsScope, messageIdOf, openStore } from '../../server/store/index.js';
import { sessionCookie } from '../realtime/testSockets.js';
import { startProductProcess } from '../support/productProcess.js';
import { freshStorePlace, testBackend, type StorePlace } from '../support/testStore.js';

// FerretDB ingests far slower than the embedded store (docs/mongodb.md), so the mongodb project kills the product
// as often but over fewer messages, and waits longer for it to catch up.
const ON_MONGODB = testBackend() === 'mongodb';
const ITEMS = ON_MONGODB ? 200 : 10_000;
const KILLS = 5;
const CATCH_UP_MS = ON_MONGODB ? 180_000 : 60_000;

let x: RunningXSimulator;
let place: StorePlace;

beforeAll(async () => {
  x = await startXSimulator({
    items: ITEMS,
    seed: 2026,
    mentionsTimelineCap: ITEMS,
    rateLimits: { mentions: { limit: 10_000, windowMs: 60_000 }, dmEvents: { limit: 10_000, windowMs: 60_000 } },
  });
  place = await freshStorePlace(undefined, 'crash');
});
afterAll(async () => {
  await x.close();
  await place.destroy();
});

/** The product as a real child process on the test backend (embedded, or MongoDB in the mongodb project), reading X from the simulator. */
function startProduct(): { child: ChildProcess; url: Promise<string> } {
  return startProductProcess({
    ...place.env,
    // The demo admin reads the per-stream health figures (demo users are off by default on MongoDB).
    DEMO_USERS: '1',
    X_SIMULATOR: '0',
    X_API_BASE_URL: x.baseUrl,
    X_ACCOUNT_ID: x.sim.brand.id,
    X_APP_KEY: 'k', X_APP_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'a',
  });
}

function isBrand(item: { authorId?: string; senderId?: string }): boolean {
  return (item.authorId ?? item.senderId) === x.sim.brand.id;
}

/** Thread key to the sorted ids of its items. */
function groupIds<T>(items: T[], thread: (item: T) => string, id: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(thread(item), [...(groups.get(thread(item)) ?? []), id(item)]);
  for (const ids of groups.values()) ids.sort();
  return groups;
}

const adminCookies = new Map<string, Promise<string>>();

/** Whether every stream has read up to its newest item (per-stream figures are for admins). */
async function caughtUp(url: string): Promise<boolean> {
  let cookie = adminCookies.get(url);
  if (!cookie) adminCookies.set(url, (cookie = sessionCookie(url, 'admin')));
  const health = await (await fetch(`${url}/api/health`, { headers: { cookie: await cookie } })).json();
  const streams = health.connectors[0].streams as Array<{ caughtUpAt: string | null }>;
  return streams.every((stream) => stream.caughtUpAt !== null);
}

describe(`crash and fault test: SIGKILL at random points while ingesting ${ITEMS.toLocaleString('en')} messages with faults`, () => {
  it('ends with the source set stored once, in order per conversation, every routed message in its customer conversation\'s one case', async () => {
    x.sim.injectFault({ kind: 'serverError', endpoint: 'mentions', times: 3, status: 503 });
    x.sim.injectFault({ kind: 'drop', endpoint: 'mentions', times: 2 });
    x.sim.injectFault({ kind: 'repeatItems', endpoint: 'mentions', times: 5, repeatCount: 10 });
    x.sim.injectFault({ kind: 'outOfOrder', endpoint: 'mentions', times: 5 });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'dmEvents', times: 2, status: 502 });
    x.sim.injectFault({ kind: 'repeatItems', endpoint: 'dmEvents', times: 3, repeatCount: 10 });

    for (let kill = 0; kill < KILLS; kill++) {
      const { child, url } = startProduct();
      await url;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 900)));
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    const { child, url } = startProduct();
    const address = await url;
    const deadline = Date.now() + CATCH_UP_MS;
    while (!(await caughtUp(address))) {
      if (Date.now() > deadline) throw new Error(`the product did not catch up within ${CATCH_UP_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGTERM');
    await once(child, 'exit');

    const store = await openStore(place.storeOptions);
    try {
      // The bot's answers are stored as our replies (under their own ids, whether sent or not); the DMs it sent come back in dm_events.
      const sentDms = new Set(x.sim.sentDms().map((dm) => `x:${dm.dmEventId}`));
      const source = [...x.sim.mentions().map((t) => `x:${t.id}`), ...x.sim.dmEvents().map((e) => `x:${e.id}`)].filter((id) => !sentDms.has(id)).sort();
      const stored = (await store.collections.messages.find({ delivery: null }, { fields: ['platform', 'externalId', 'caseId', 'threadId', 'createdAt', 'author'] })).filter((message) => !sentDms.has(messageIdOf(message)));
      const storedIds = stored.map(messageIdOf).sort();
      expect(storedIds).toHaveLength(source.length);
      expect(new Set(storedIds).size).toBe(storedIds.length);
      expect(storedIds).toEqual(source);

      const cases = await store.collections.cases.find(allTeamsScope(), {}, { fields: ['platform', 'threadId', 'channel', 'customer'] });
      const caseById = new Map(cases.map((c) => [c._id, c]));
      // One case per customer conversation: a DM conversation, or one customer's part of a public one.
      const conversationOf = (c: (typeof cases)[number]) => (c.channel === 'dm' ? `${c.platform}/${c.threadId}` : `${c.platform}/${c.threadId}/${c.customer.id}`);
      expect(new Set(cases.map(conversationOf)).size).toBe(cases.length);
      const brand = x.sim.brand.id;
      for (const message of stored) {
        if (message.author.id === brand) continue;
        const owner = caseById.get(message.caseId ?? '');
        expect(owner, `message ${messageIdOf(message)} has a case`).toBeDefined();
        expect(owner!.threadId).toBe(message.threadId ?? message.externalId);
        if (owner!.channel === 'public') expect(owner!.customer.id).toBe(message.author.id);
      }
      // Per thread: the case holds exactly the source thread's messages with their original times, so it reads in source order.
      const sourceItems = [...x.sim.mentions(), ...x.sim.dmEvents()];
      const sourceTimes = new Map(sourceItems.map((item) => [`x:${item.id}`, item.createdAt]));
      const dmIds = new Set(x.sim.dmEvents().map((e) => e.id));
      const sourceThreads = groupIds(sourceItems.filter((item) => !isBrand(item)), (item) => (dmIds.has(item.id) ? `x/${item.conversationId}` : `x/${item.conversationId}/${'authorId' in item ? item.authorId : ''}`), (item) => `x:${item.id}`);
      const storedThreads = groupIds(stored.filter((m) => m.author.id !== brand), (m) => conversationOf(caseById.get(m.caseId!)!), messageIdOf);
      expect(storedThreads).toEqual(sourceThreads);
      for (const message of stored) expect(message.createdAt.getTime()).toBe(sourceTimes.get(messageIdOf(message)));
    } finally {
      await store.close();
    }
  }, 420_000);
});
