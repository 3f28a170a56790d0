/**
 * The production topology for real: two `web` and two `worker` processes of
 * server/main.ts on one MongoDB (FerretDB here) and one Redis, the X
 * simulator releasing posts and DMs over time. A worker is killed mid-stream
 * (SIGKILL: no lease released, nothing flushed), then a web process. Every
 * wait has a deadline; nothing asserts how long anything took.
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAMS } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { startXSimulator, type RunningXSimulator } from '../../server/simulator/x/index.js';
import { allTeamsScope, openStore, type Store } from '../../server/store/index.js';
import { startRedis, type RunningRedis } from '../support/redisServer.js';
import { MONGODB_SKIP_REASON, testMongodbUri } from '../support/mongodb.js';
import { withDatabase } from '../support/testStore.js';
import { startLoadBalancer, type LoadBalancer } from './loadBalancer.js';
import { eventually } from './eventually.js';
import { startProduct, type ProductProcess } from './productProcess.js';

const mongodbUri = testMongodbUri();
// Short enough for a quick takeover, long enough that a loaded machine renews in time.
const LEASE_MS = 5_000;
const PRELOADED = 30;
const RELEASED = 40;

/** An admin's live view: every event's seq per case, and whether its reconnection was recovered. */
interface LiveView {
  socket: Socket;
  seqByCase: Map<string, number>;
  reconnections: Array<{ recovered: boolean }>;
  refetched: Promise<void>;
}

/** What the inbox does after a reconnection that was not recovered: reads every case again (its events carry their seq). */
async function refetch(view: LiveView, url: string, cookie: string): Promise<void> {
  let cursor: string | null = null;
  do {
    const page = (await (await fetch(`${url}/api/cases?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { cookie } })).json()) as { cases: Array<{ id: string }>; nextCursor: string | null };
    for (const { id } of page.cases) {
      const detail = (await (await fetch(`${url}/api/cases/${id}`, { headers: { cookie } })).json()) as { events: Array<{ seq: number }> };
      const seq = Math.max(0, ...detail.events.map((event) => event.seq));
      view.seqByCase.set(id, Math.max(view.seqByCase.get(id) ?? 0, seq));
    }
    cursor = page.nextCursor;
  } while (cursor);
}

function watchLive(url: string, cookie: string): Promise<LiveView> {
  const socket = connectSocket(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnectionDelay: 100, reconnectionDelayMax: 500 });
  const view: LiveView = { socket, seqByCase: new Map(), reconnections: [], refetched: Promise.resolve() };
  socket.onAny((_event: string, payload: { case?: { id: string }; caseId?: string; seq?: number }) => {
    const caseId = payload?.case?.id ?? payload?.caseId;
    if (caseId && typeof payload.seq === 'number') view.seqByCase.set(caseId, Math.max(view.seqByCase.get(caseId) ?? 0, payload.seq));
  });
  let first = true;
  socket.on('connect', () => {
    if (!first) view.reconnections.push({ recovered: socket.recovered });
    // A killed web process never saved the socket's state for recovery: the client reads everything again.
    if (!first && !socket.recovered) view.refetched = refetch(view, url, cookie);
    first = false;
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(view));
    socket.once('connect_error', reject);
  });
}

async function login(url: string): Promise<string> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
  await response.arrayBuffer();
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

describe.skipIf(!mongodbUri)(`two web and two worker processes on MongoDB and Redis${mongodbUri ? '' : ` (${MONGODB_SKIP_REASON})`}`, () => {
  let redis: RunningRedis;
  let x: RunningXSimulator;
  let uri: string;
  let store: Store;
  let balancer: LoadBalancer;
  const processes: ProductProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    uri = withDatabase(mongodbUri!, `care_topology_${randomBytes(6).toString('hex')}`);
    x = await startXSimulator({
      items: PRELOADED,
      seed: 909,
      mentionsTimelineCap: 10_000,
      duplicateTweetCheck: false,
      // Finite windows, generous for the test's fast polls: a request past one is answered 429 and counted.
      rateLimits: { mentions: { limit: 2_000, windowMs: 60_000 }, dmEvents: { limit: 2_000, windowMs: 60_000 }, createTweet: { limit: 2_000, windowMs: 60_000 }, sendDm: { limit: 2_000, windowMs: 60_000 } },
    });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((product) => product.stop()));
    // What each process logged (warnings and errors), for whoever reads a failure.
    for (const product of processes) await writeFile(join(tmpdir(), `care-topology-${product.name}.log`), product.output());
    await balancer?.close();
    await store?.close();
    await x?.close();
    await redis?.stop();
    if (uri) {
      const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
      await connection.dropDatabase();
      await connection.close();
    }
  }, 60_000);

  it('loses a worker mid-stream and a web process without losing, doubling or hiding anything', async () => {
    const shared = {
      MONGODB_URI: uri, REDIS_URL: redis.url, SESSION_SECRET: 'topology-test-secret-0123456789', LEASE_MS: String(LEASE_MS),
      X_SIMULATOR: '0', X_API_BASE_URL: x.baseUrl, X_ACCOUNT_ID: x.sim.brand.id, X_APP_KEY: 'k', X_APP_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'a',
      X_POLL_INTERVAL_MS: '300', DEMO_USERS: '0',
    };
    // The first admin and the teams, as `npm run users -- create` and `teams -- create` would make them.
    store = await openStore({ mongodbUri: uri });
    for (const team of DEMO_TEAMS) await store.collections.teams.insertOne({ name: team.name, tier: team.tier });
    await store.collections.users.insertOne({ username: 'admin', role: 'admin', teams: DEMO_TEAMS.map((team) => team.name), passwordHash: await hashPassword('demo') });
    const [web1, web2, worker1, worker2] = await Promise.all([
      startProduct('web1', { ...shared, ROLE: 'web' }),
      startProduct('web2', { ...shared, ROLE: 'web' }),
      startProduct('worker1', { ...shared, ROLE: 'worker' }),
      startProduct('worker2', { ...shared, ROLE: 'worker' }),
    ]);
    processes.push(web1!, web2!, worker1!, worker2!);
    balancer = await startLoadBalancer([web1!.url, web2!.url]);

    const cookie = await login(web1!.url);
    const throughBalancer = await watchLive(balancer.url, cookie);
    const onSurvivor = await watchLive(web2!.url, cookie);
    x.sim.startFeed({ intervalMs: 150, itemsPerTick: 1 });

    // Mid-stream: the worker holding the mentions lease dies with posts still coming.
    const inbound = () => store.collections.messages.countDocuments({ platform: 'x', delivery: null });
    await eventually('the first posts stored', async () => ((await inbound()) >= 10 ? true : undefined));
    const holder = await eventually('the mentions lease held', async () => (await store.collections.leases.findOne({ _id: 'x:mentions' }))?.holder);
    const [victim, heir] = holder.includes(`:${worker1!.child.pid}:`) ? [worker1!, worker2!] : [worker2!, worker1!];
    await victim.kill();
    await eventually('the other worker to take the mentions lease', async () => {
      const lease = await store.collections.leases.findOne({ _id: 'x:mentions' });
      return lease && lease.token >= 2 && lease.holder.includes(`:${heir.child.pid}:`) ? true : undefined;
    });

    // Then the web process the balancer sent the agent to.
    await web1!.kill();
    await eventually('the feed to release its items', async () => (x.sim.mentions().length + x.sim.dmEvents().length >= PRELOADED + RELEASED ? true : undefined));
    x.sim.stopFeed();

    const brandId = x.sim.brand.id;
    const customerPosts = x.sim.mentions().filter((post) => post.authorId !== brandId).map((post) => post.id);
    const customerDms = x.sim.dmEvents().filter((dm) => dm.senderId !== brandId).map((dm) => dm.id);
    // What customers sent: not our replies (they carry a delivery), not what the brand account wrote elsewhere.
    const stored = async () => {
      const messages = await store.collections.messages.find({ platform: 'x', delivery: null }, { fields: ['externalId', 'author'] });
      return messages.filter((message) => !message.author.id.endsWith(brandId)).map((message) => message.externalId);
    };
    await eventually('every post and DM stored', async () => {
      const ids = new Set(await stored());
      return [...customerPosts, ...customerDms].every((id) => ids.has(id)) ? true : undefined;
    }, 90_000);
    await eventually('the outbox to finish', async () => ((await store.collections.messages.countDocuments({ 'delivery.status': 'queued' })) === 0 ? true : undefined), 60_000);

    // Soft assertions: one run reports every broken invariant, not just the first.
    // Every post and DM stored once.
    const storedIds = await stored();
    expect.soft(storedIds.length).toBe(new Set(storedIds).size);
    expect.soft(new Set(storedIds)).toEqual(new Set([...customerPosts, ...customerDms]));

    // One case per customer conversation.
    const cases = await store.collections.cases.find(allTeamsScope(), {});
    const conversations = cases.map((doc) => `${doc.channel} ${doc.threadId} ${doc.customer.id}`);
    expect.soft(conversations.length).toBe(new Set(conversations).size);

    // Each case's events numbered 1…lastEventSeq, no gap, none twice. Events a killed writer left staged on
    // their case are copied by the next writer of the case or the repair sweep (the SLA sweeper's round, 15 s).
    const seqMismatches = async () => {
      const events = await store.collections.caseEvents.find({}, { fields: ['caseId', 'seq'] });
      const seqsOf = new Map<string, number[]>();
      for (const { caseId, seq } of events) seqsOf.set(caseId, [...(seqsOf.get(caseId) ?? []), seq]);
      const latest = await store.collections.cases.find(allTeamsScope(), {}, { fields: ['lastEventSeq'] });
      return latest.flatMap((doc) => {
        const seqs = (seqsOf.get(doc._id) ?? []).sort((a, b) => a - b);
        return seqs.every((seq, at) => seq === at + 1) && seqs.length === doc.lastEventSeq ? [] : [{ caseId: doc._id, lastEventSeq: doc.lastEventSeq, seqs }];
      });
    };
    await eventually('every case\'s events copied', async () => ((await seqMismatches()).length === 0 ? true : undefined), 40_000).catch(() => undefined);
    expect.soft(await seqMismatches()).toEqual([]);

    // No answer sent twice; no X request past a window.
    const posted = await fetch(`${x.origin}/__sim/posted`).then((response) => response.json() as Promise<{ tweets: Array<{ inReplyToTweetId?: string }>; dms: Array<{ participantId: string; text: string }> }>);
    const repliedTo = posted.tweets.map((tweet) => tweet.inReplyToTweetId);
    expect.soft(repliedTo.length).toBe(new Set(repliedTo).size);
    const dmsSent = posted.dms.map((dm) => `${dm.participantId} ${dm.text}`);
    expect.soft(dmsSent.length).toBe(new Set(dmsSent).size);
    for (const [endpoint, stats] of Object.entries(x.sim.requestStats())) expect.soft(stats.rateLimited, `${endpoint} requests past the window`).toBe(0);

    // The agent on the surviving web process saw every case at its last seq; the one moved by the balancer was recovered there.
    const finalSeq = new Map(cases.map((doc) => [doc._id, doc.lastEventSeq]));
    const missing = (view: LiveView) => [...finalSeq].filter(([caseId, seq]) => (view.seqByCase.get(caseId) ?? 0) < seq);
    await eventually('the live events to arrive', async () => (missing(onSurvivor).length === 0 && missing(throughBalancer).length === 0 ? true : undefined), 20_000).catch(() => undefined);
    expect.soft(missing(onSurvivor)).toEqual([]);
    // Moved by the balancer to the other web process: recovered there, or (its process was killed before it could save the socket's state) refetched.
    expect.soft(throughBalancer.reconnections).toHaveLength(1);
    await throughBalancer.refetched;
    expect.soft(missing(throughBalancer)).toEqual([]);

    // The session opened on the killed web process still works on the other one.
    const session = await fetch(`${web2!.url}/api/session`, { headers: { cookie } });
    expect.soft(session.status).toBe(200);
    throughBalancer.socket.disconnect();
    onSurvivor.socket.disconnect();
  }, 240_000);
});
