/**
 * `npm run bench -- scale [--items N] [--agents N] [--seconds S] [--live-only]`: the production topology on FerretDB and Redis.
 * Bounded: each ingestion run stops after INGEST_CAP_S and the live run drains for at most DRAIN_S, so the whole
 * bench takes a few minutes whatever the server's speed.
 *
 * 1. Ingestion through the X connector with one, then two `worker` processes (server/main.ts, ROLE=worker): the X
 *    simulator holds N posts and DMs (default 2,000). Start-up (spawn until listening) is reported on its own;
 *    msgs/s is the steady state: items stored from the start of the first stored batch (its messages' receivedAt)
 *    to the last item stored (counted once a second), or to the cap if the items were not all stored by then.
 * 2. Ingestion to screen: two `web` processes, 200 agents (spread over the teams, half on each web process), messages
 *    posted through POST /api/messages (to both web processes in turn) at 200/s for S seconds; latency from the POST
 *    to the first `case:upsert` of its case at an agent of its team, p99 over every message sent (one that never
 *    arrived within the drain counts as the time waited for it, so the p99 is then a lower bound, and says so).
 *
 * MONGODB_URI names the server to use (default: a FerretDB started here, as the tests do); Redis is a private one.
 * Last line: {"bench":"scale","oneWorker":…,"twoWorkers":…,"liveP99Ms":…,"workerStartS":…} (workerStartS: the slower run's start-up).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import mongoose from 'mongoose';
import { io as connect, type Socket } from 'socket.io-client';
import { sessionCookie } from './support/sessionCookie.js';
import { hashPassword } from '../server/auth/passwords.js';
import { startXSimulator } from '../server/simulator/x/index.js';
import { openStore } from '../server/store/index.js';
import { startFerretDb } from '../test/support/ferretdb.js';
import { startRedis } from '../test/support/redisServer.js';
import { startProduct, type ProductProcess } from '../test/topology/productProcess.js';

const TEAMS = ['care', 'social', 'helpdesk', 'bot'] as const;
type Team = (typeof TEAMS)[number];
const TEXTS: Record<Team, string> = { helpdesk: 'I was charged twice, please refund me', social: 'Your app is broken again', bot: 'What are your opening hours on Sunday?', care: 'Where is my parcel? It was due yesterday' };
const TOKEN = 'bench-scale-token';
const SECRET = 'bench-scale-secret-0123456789abcdef';

/** The longest one ingestion run may take (workers' spawn to the last item stored). */
const INGEST_CAP_S = 120;
/**
 * How often an ingestion run counts what is stored, to know when it is done. Each count is a full scan of the
 * messages under FerretDB's one lock: counted every second, the bench's own counting took a third of the store's time.
 * A run that finishes is timed to the count that saw it done (up to POLL_MS late); a capped one to the cap.
 */
const POLL_MS = 5_000;
/** How long the live run waits, after the last POST, for the announcements still due. */
const DRAIN_S = 45;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL if it has not exited within 10 s (the figures are taken; a slow shutdown must not hold the bench). */
async function stopAll(processes: readonly ProductProcess[]): Promise<void> {
  await Promise.all(processes.map(async (product) => {
    await Promise.race([product.stop(), sleep(10_000)]);
    await product.kill();
  }));
}

/** The URI with another database name (same hosts and options). */
function withDatabase(uri: string, database: string): string {
  const [base = '', query] = uri.split('?');
  const slash = base.indexOf('/', base.indexOf('//') + 2);
  return `${slash === -1 ? base : base.slice(0, slash)}/${database}${query ? `?${query}` : ''}`;
}

/** A database of its own for one run; dropped at the end only on a server this bench did not start (its own FerretDB goes with its directory). */
async function freshDatabase(base: string): Promise<{ uri: string; drop(): Promise<void> }> {
  const uri = withDatabase(base, `care_scale_${randomBytes(6).toString('hex')}`);
  return {
    uri,
    drop: async () => {
      if (!process.env.MONGODB_URI) return;
      const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}

/** One ingestion run's figures: the workers' start-up, and the steady-state rate once they store. */
interface IngestionFigures {
  /** Seconds from spawning the workers until every one listens (tsx, connections, indexes, start-up repairs). */
  startS: number;
  /** Items stored per second from the start of the first stored batch to the last item stored (or the cap); null when none was. */
  msgsPerS: number | null;
}

/** When each stored batch began, with its size: every message of a batch has its batch's start as `receivedAt`. */
async function storedBatches(store: Awaited<ReturnType<typeof openStore>>): Promise<Array<{ at: number; items: number }>> {
  const docs = await store.collections.messages.find({ platform: 'x', delivery: null }, { fields: ['receivedAt'] });
  const counts = new Map<number, number>();
  for (const doc of docs) counts.set(doc.receivedAt.getTime(), (counts.get(doc.receivedAt.getTime()) ?? 0) + 1);
  return [...counts].map(([at, items]) => ({ at, items })).sort((a, b) => a.at - b.at);
}

/** `workers` worker processes reading `items` posts and DMs from the simulator into a fresh database: start-up, then msgs/s. */
async function ingestion(base: string, redisUrl: string, workers: number, items: number): Promise<IngestionFigures> {
  const db = await freshDatabase(base);
  const x = await startXSimulator({ items, seed: 31, mentionsTimelineCap: items, rateLimits: { mentions: { limit: 100_000, windowMs: 60_000 }, dmEvents: { limit: 100_000, windowMs: 60_000 } } });
  const store = await openStore({ mongodbUri: db.uri });
  const brandId = x.sim.brand.id;
  const expected = x.sim.mentions().filter((post) => post.authorId !== brandId).length + x.sim.dmEvents().filter((dm) => dm.senderId !== brandId).length;
  const env = { MONGODB_URI: db.uri, REDIS_URL: redisUrl, SESSION_SECRET: SECRET, ROLE: 'worker', LEASE_MS: '5000', X_SIMULATOR: '0', X_API_BASE_URL: x.baseUrl, X_ACCOUNT_ID: brandId, X_APP_KEY: 'k', X_APP_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'a', X_POLL_INTERVAL_MS: '200', LOG_LEVEL: 'error' };
  const spawnedAt = Date.now();
  const processes = await Promise.all(Array.from({ length: workers }, (_, index) => startProduct(`worker${index + 1}`, env)));
  const startS = (Date.now() - spawnedAt) / 1000;
  const deadline = spawnedAt + INGEST_CAP_S * 1000;
  let stored = 0;
  while (stored < expected && Date.now() < deadline) {
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
    stored = await store.collections.messages.countDocuments({ platform: 'x', delivery: null });
  }
  // Capped, the workers were storing until the cap; done, they finished at most one count interval before it saw so.
  const endedAt = Math.min(Date.now(), deadline);
  await stopAll(processes);
  const batches = await storedBatches(store);
  await store.close();
  await x.close();
  await db.drop();
  const total = batches.reduce((sum, batch) => sum + batch.items, 0);
  const first = batches[0];
  const windowS = first === undefined ? 0 : (endedAt - first.at) / 1000;
  const msgsPerS = windowS > 0 ? total / windowS : null;
  const gaps = batches.slice(1).map((batch, at) => batch.at - batches[at]!.at).sort((a, b) => a - b);
  const median = gaps.length > 0 ? `${Math.round(gaps[Math.floor(gaps.length / 2)]! / 100) / 10} s` : '–';
  console.log(`${workers} worker(s): listening ${startS.toFixed(1)} s after spawn, first batch from ${first === undefined ? '–' : ((first.at - spawnedAt) / 1000).toFixed(1)} s; ${total}/${expected} posts and DMs${stored < expected ? ` (stopped at the ${INGEST_CAP_S} s cap)` : ''} in ${windowS.toFixed(1)} s from the first batch's start: ${msgsPerS === null ? '–' : msgsPerS.toFixed(1)} msgs/s (${batches.length} batches, one every ${median} (median))`);
  return { startS, msgsPerS };
}

/** p99 ms from POST /api/messages to the first case:upsert of its case at an agent, at `rate` msgs/s for `seconds`, agents over two web processes. */
async function liveLatency(base: string, redisUrl: string, agents: number, rate: number, seconds: number): Promise<number> {
  const db = await freshDatabase(base);
  const store = await openStore({ mongodbUri: db.uri });
  for (const [index, team] of TEAMS.entries()) await store.collections.teams.insertOne({ name: team, tier: index === 3 ? 0 : index === 2 ? 2 : 1 });
  const passwordHash = await hashPassword('bench-password');
  await store.collections.users.insertMany(Array.from({ length: agents }, (_, index) => ({ username: `agent${index}`, role: 'agent' as const, teams: [TEAMS[index % TEAMS.length]!], passwordHash })));
  const env = { MONGODB_URI: db.uri, REDIS_URL: redisUrl, SESSION_SECRET: SECRET, ROLE: 'web', INGEST_TOKEN: TOKEN, X_SIMULATOR: '0', RULES_FILE: 'test/routes/fixtures/teams.rules.json', LOG_LEVEL: 'error' };
  const webs: ProductProcess[] = await Promise.all([startProduct('web1', env), startProduct('web2', env)]);
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  const sockets: Socket[] = [];
  for (let index = 0; index < agents; index++) {
    const url = webs[index % 2]!.url;
    const cookie = await sessionCookie(url, `agent${index}`, 'bench-password');
    const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie } });
    socket.on('case:upsert', ({ case: doc }: { case: { threadId: string } }) => {
      const at = sent.get(doc.threadId);
      if (at !== undefined) {
        latencies.push(performance.now() - at);
        sent.delete(doc.threadId);
      }
    });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    sockets.push(socket);
  }
  // The POSTs in flight (a batch not answered by the end, or refused, is counted, never thrown).
  const posts: Array<Promise<void>> = [];
  let unanswered = 0;
  const batch = rate / 10;
  let next = 0;
  const started = performance.now();
  for (let tick = 0; tick < seconds * 10; tick++) {
    const messages = Array.from({ length: batch }, () => {
      const n = next++;
      const id = `${1_950_000_000_000_000_000n + BigInt(n)}`;
      return { id: `x:${id}`, platform: 'x', channel: 'public', text: `@AcmeHelp ${TEXTS[TEAMS[n % TEAMS.length]!]} #${n}`, createdAt: new Date().toISOString(), author: { id: `${20_000 + n}`, handle: `c${n}` }, threadId: id };
    });
    const postedAt = performance.now();
    for (const message of messages) sent.set(message.threadId, postedAt);
    posts.push(fetch(`${webs[tick % 2]!.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(messages) })
      .then(async (response) => {
        await response.arrayBuffer();
        if (!response.ok) unanswered++;
      }, () => void unanswered++));
    await sleep(Math.max(0, started + (tick + 1) * 100 - performance.now()));
  }
  const drainUntil = Date.now() + DRAIN_S * 1000;
  while (sent.size > 0 && Date.now() < drainUntil) await sleep(100);
  const missed = sent.size;
  const gaveUpAt = performance.now();
  const sorted = [...latencies, ...[...sent.values()].map((at) => gaveUpAt - at)].sort((a, b) => a - b);
  const p99 = sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]!;
  const p50 = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`live: ${next} messages at ${rate}/s for ${seconds} s, ${latencies.length} announced to agents${missed > 0 ? `, ${missed} not within ${DRAIN_S} s after the last POST (counted as the time waited: the figures are lower bounds)` : ''}; p50 ${Math.round(p50)} ms, p99 ${missed > 0 ? '≥ ' : ''}${Math.round(p99)} ms`);
  await Promise.race([Promise.all(posts), sleep(5_000)]);
  if (unanswered > 0) console.log(`live: ${unanswered} of ${posts.length} POSTs failed or were refused`);
  for (const socket of sockets) socket.disconnect();
  await stopAll(webs);
  await store.close();
  await db.drop();
  return Math.round(p99);
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { items: { type: 'string', default: '2000' }, agents: { type: 'string', default: '200' }, seconds: { type: 'string', default: '5' }, 'live-only': { type: 'boolean', default: false } } });
  const ferret = process.env.MONGODB_URI ? undefined : await startFerretDb();
  const ferretExited = (code: number | null, signal: string | null) => console.error(`FerretDB exited (${code ?? signal}) during the bench`);
  ferret?.process.once('exit', ferretExited);
  const base = process.env.MONGODB_URI ?? ferret!.uri;
  const redis = await startRedis();
  try {
    const one = values['live-only'] ? null : await ingestion(base, redis.url, 1, Number(values.items));
    const two = values['live-only'] ? null : await ingestion(base, redis.url, 2, Number(values.items));
    const liveP99Ms = await liveLatency(base, redis.url, Number(values.agents), 200, Number(values.seconds));
    const rate = (figures: IngestionFigures | null) => (figures?.msgsPerS == null ? null : Math.round(figures.msgsPerS * 10) / 10);
    const workerStartS = one && two ? Math.round(Math.max(one.startS, two.startS) * 10) / 10 : null;
    console.log(JSON.stringify({ bench: 'scale', oneWorker: rate(one), twoWorkers: rate(two), liveP99Ms, workerStartS }));
  } finally {
    await redis.stop();
    ferret?.process.off('exit', ferretExited);
    await ferret?.stop();
  }
}
