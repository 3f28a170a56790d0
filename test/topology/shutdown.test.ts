/**
 * SIGTERM stops a product process promptly even while its connector waits
 * for a spent X window (which can last 15 minutes): the wait is dropped, the
 * page being stored finishes with its checkpoint, and a restarted process
 * reads on from there, storing every item once. The 20 s bound is a hang
 * check, far above the time a stop takes; nothing else is timed.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import mongoose from 'mongoose';
import { afterEach, describe, expect, it } from 'vitest';
import { startXSimulator, type RunningXSimulator } from '../../server/simulator/x/index.js';
import { openStore, type Store } from '../../server/store/index.js';
import { MONGODB_SKIP_REASON, testMongodbUri } from '../support/mongodb.js';
import { startRedis, type RunningRedis } from '../support/redisServer.js';
import { withDatabase } from '../support/testStore.js';
import { eventually } from './eventually.js';
import { startProduct, type ProductProcess } from './productProcess.js';

const mongodbUri = testMongodbUri();
const HANG_BOUND_MS = 20_000;
// A worker on FerretDB under load stores the stream slowly.
const STORED_WITHIN_MS = 180_000;
// One mentions page per window: the first run reads one page of the preloaded posts, then waits up to a minute for the window.
const MENTIONS_WINDOW = { limit: 1, windowMs: 60_000 };

/** SIGTERM, then the exit code, or 'still running' after HANG_BOUND_MS (the process is then killed). */
async function terminate(product: ProductProcess): Promise<number | string | null> {
  if (product.child.exitCode !== null || product.child.signalCode !== null) return product.child.exitCode;
  const exited = new Promise<number | null>((resolve) => product.child.once('exit', (code) => resolve(code)));
  product.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([exited, new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still running'), HANG_BOUND_MS)))]);
  clearTimeout(timer);
  if (outcome === 'still running') {
    await writeFile(join(tmpdir(), `care-shutdown-${product.name}.log`), product.output());
    await product.kill();
  }
  return outcome;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
}, 60_000);

/** The simulator with preloaded posts and DMs and a live feed, its mentions window small enough to be spent by the first run. */
async function xWithBacklog(): Promise<RunningXSimulator> {
  const x = await startXSimulator({ items: 150, seed: 4242, duplicateTweetCheck: false, rateLimits: { mentions: MENTIONS_WINDOW } });
  cleanups.push(() => x.close());
  x.sim.startFeed({ intervalMs: 500, itemsPerTick: 1 });
  return x;
}

function xEnv(x: RunningXSimulator): Record<string, string> {
  return { X_SIMULATOR: '0', X_API_BASE_URL: x.baseUrl, X_ACCOUNT_ID: x.sim.brand.id, X_APP_KEY: 'k', X_APP_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'a', X_POLL_INTERVAL_MS: '300', DEMO_USERS: '0' };
}

/** How a test sees what the processes stored: whether everything is (while the second runs), and the stored ids (after it exited). */
interface StoredView {
  everythingStored(product: ProductProcess, customerItems: string[]): Promise<boolean>;
  customerItemIds(brandId: string): Promise<string[]>;
}

/** Stops the process while it waits for the spent mentions window, restarts it, and checks every customer item is stored once. */
async function stopMidStreamAndRestart(x: RunningXSimulator, start: () => Promise<ProductProcess>, view: StoredView, beforeRestart?: () => Promise<void>): Promise<void> {
  const first = await start();
  // The first page is read (and being stored); the next one waits for the window.
  await eventually('the mentions window spent', async () => (x.sim.requestStats().mentions.requests >= MENTIONS_WINDOW.limit ? true : undefined), STORED_WITHIN_MS).catch(async (error: unknown) => {
    await writeFile(join(tmpdir(), `care-shutdown-${first.name}.log`), first.output());
    throw error;
  });
  const code = await terminate(first);
  expect(code, `exit after SIGTERM; output:\n${first.output()}`).toBe(0);

  x.sim.stopFeed();
  const brandId = x.sim.brand.id;
  const customerItems = [...x.sim.mentions().filter((post) => post.authorId !== brandId).map((post) => post.id), ...x.sim.dmEvents().filter((dm) => dm.senderId !== brandId).map((dm) => dm.id)];
  await beforeRestart?.();
  const second = await start();
  cleanups.push(() => terminate(second));
  await eventually('every post and DM stored', async () => ((await view.everythingStored(second, customerItems)) ? true : undefined), STORED_WITHIN_MS);
  expect(await terminate(second), `exit after SIGTERM; output:\n${second.output()}`).toBe(0);
  const ids = await view.customerItemIds(brandId);
  expect(ids.length).toBe(new Set(ids).size);
  expect(new Set(ids)).toEqual(new Set(customerItems));
}

async function customerItemIds(store: Store, brandId: string): Promise<string[]> {
  const messages = await store.collections.messages.find({ platform: 'x', delivery: null }, { fields: ['externalId', 'author'] });
  return messages.filter((message) => !message.author.id.endsWith(brandId)).map((message) => message.externalId);
}

describe.skipIf(!mongodbUri)(`a worker on MongoDB stops on SIGTERM mid-stream${mongodbUri ? '' : ` (${MONGODB_SKIP_REASON})`}`, () => {
  let redis: RunningRedis;

  it('exits with 0 while its connector waits for an X window, and a restarted worker stores every item once', async () => {
    redis = await startRedis();
    cleanups.push(() => redis.stop());
    const uri = withDatabase(mongodbUri!, `care_shutdown_${randomBytes(6).toString('hex')}`);
    cleanups.push(async () => {
      const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    });
    const store = await openStore({ mongodbUri: uri });
    cleanups.push(() => store.close());
    const x = await xWithBacklog();
    const env = { ...xEnv(x), MONGODB_URI: uri, REDIS_URL: redis.url, SESSION_SECRET: 'shutdown-test-secret-0123456789', LEASE_MS: '15000', ROLE: 'worker' };
    await stopMidStreamAndRestart(x, () => startProduct('worker', env), {
      everythingStored: async (_product, items) => {
        const ids = new Set(await customerItemIds(store, x.sim.brand.id));
        return items.every((id) => ids.has(id));
      },
      customerItemIds: (brandId) => customerItemIds(store, brandId),
    }, async () => {
      // The limiter remembers the spent window in Redis for X's 15 minutes (the simulator's is a minute), and no process is
      // left to refill it: start the restarted worker on an empty Redis (leases live in MongoDB, not there).
      const client = new Redis(redis.url);
      await client.flushall();
      client.disconnect();
    });
  }, 420_000);
});

describe('ROLE=all on the embedded store stops on SIGTERM mid-stream', () => {
  it('exits with 0 while its connector waits for an X window, and a restarted process stores every item once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'care-shutdown-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const x = await xWithBacklog();
    const env = { ...xEnv(x), DATA_DIR: dataDir, ROLE: 'all', DEMO_USERS: '1' };
    // The embedded store is one process's: while the product runs, its admin health says when each stream caught up (the feed has
    // stopped by then). A run resumed from the first process's token ends at that run's newest post: the run after it reads the rest.
    const firstCaughtUp = new Map<string, string>();
    await stopMidStreamAndRestart(x, () => startProduct('all', env), {
      everythingStored: async (product) => {
        const streams = await adminHealthStreams(product.url);
        for (const { stream, caughtUpAt } of streams) if (caughtUpAt && !firstCaughtUp.has(stream)) firstCaughtUp.set(stream, caughtUpAt);
        return streams.length === 2 && streams.every(({ stream, caughtUpAt }) => caughtUpAt !== null && caughtUpAt > firstCaughtUp.get(stream)!);
      },
      customerItemIds: (brandId) => withStore(dataDir, (store) => customerItemIds(store, brandId)),
    });
  }, 420_000);
});

async function withStore<T>(dataDir: string, read: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ dataDir });
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

const cookies = new Map<string, string>();

async function adminHealthStreams(url: string): Promise<Array<{ stream: string; caughtUpAt: string | null }>> {
  if (!cookies.has(url)) {
    const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
    await login.arrayBuffer();
    expect(login.status).toBe(200);
    cookies.set(url, login.headers.get('set-cookie')!.split(';')[0]!);
  }
  const health = (await (await fetch(`${url}/api/health`, { headers: { cookie: cookies.get(url)! } })).json()) as { connectors: Array<{ streams?: Array<{ stream: string; caughtUpAt: string | null }> }> };
  return health.connectors[0]?.streams ?? [];
}
