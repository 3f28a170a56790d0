/**
 * Live events across processes, in one test process: two `web` servers and a
 * `worker` on one MongoDB (FerretDB) and one Redis. What the worker ingests
 * reaches agents on both web servers; presence spans them; a failed login
 * counts on both.
 */
import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TEAMS } from '../../server/auth/demoAccounts.js';
import { hashPassword } from '../../server/auth/passwords.js';
import { readEnv } from '../../server/env.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { openStore } from '../../server/store/index.js';
import { TestSockets } from '../realtime/testSockets.js';
import { startLoadBalancer } from './loadBalancer.js';
import { withDatabase } from '../support/testStore.js';
import { MONGODB_SKIP_REASON, testMongodbUri } from '../support/mongodb.js';
import { startRedis, type RunningRedis } from '../support/redisServer.js';

const mongodbUri = testMongodbUri();

describe.skipIf(!mongodbUri)(`live events across web and worker processes${mongodbUri ? '' : ` (${MONGODB_SKIP_REASON})`}`, () => {
  let redis: RunningRedis;
  let uri: string;
  const servers: Record<'web1' | 'web2' | 'worker', RunningServer> = {} as never;
  const sockets = new TestSockets();

  beforeAll(async () => {
    redis = await startRedis();
    uri = withDatabase(mongodbUri!, `care_live_${randomBytes(6).toString('hex')}`);
    const store = await openStore({ mongodbUri: uri });
    for (const team of DEMO_TEAMS) await store.collections.teams.insertOne({ name: team.name, tier: team.tier });
    const passwordHash = await hashPassword('demo');
    await store.collections.users.insertOne({ username: 'admin', role: 'admin', teams: DEMO_TEAMS.map((team) => team.name), passwordHash });
    await store.collections.users.insertOne({ username: 'ana', role: 'agent', teams: ['care', 'social'], passwordHash });
    await store.close();
    const env = (role: string) => readEnv({ PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri, REDIS_URL: redis.url, SESSION_SECRET: 'live-across-secret-0123456789', ROLE: role, LEASE_MS: '2000', X_SIMULATOR: '0', DEMO_USERS: '0' });
    servers.web1 = await startServer(env('web'));
    servers.web2 = await startServer(env('web'));
    servers.worker = await startServer(env('worker'));
  }, 60_000);

  afterAll(async () => {
    sockets.closeAll();
    await Promise.all(Object.values(servers).map((server) => server.close()));
    const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
    await connection.dropDatabase();
    await connection.close();
    await redis.stop();
  }, 60_000);

  const login = async (url: string, username: string) => {
    const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo' }) });
    await response.arrayBuffer();
    return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
  };

  it("delivers a worker's case:upsert, with its seq, to agents on every web process", async () => {
    const { cookie } = await login(servers.web1.url, 'admin');
    const [on1, on2] = await Promise.all([sockets.recording<{ case?: { id: string }; seq?: number }>(servers.web1.url, cookie), sockets.recording<{ case?: { id: string }; seq?: number }>(servers.web2.url, cookie)]);
    const id = `x:${Date.now()}${randomBytes(2).readUInt16BE()}`;
    await servers.worker.ingest([{ id, platform: 'x', channel: 'public', text: 'my parcel never arrived', createdAt: new Date().toISOString(), author: { id: 'x:42', handle: 'pat', name: 'Pat' } } as never]);
    for (const view of [on1, on2]) {
      await expect.poll(() => view.events.filter(([event]) => event === 'case:upsert').map(([, payload]) => payload.seq)).toEqual([1]);
    }
  });

  it('shows a viewer on one web process to a viewer on the other', async () => {
    const { cookie } = await login(servers.web1.url, 'admin');
    const store = servers.web1.store;
    const [doc] = await store.collections.cases.find((await import('../../server/store/index.js')).allTeamsScope(), {}, { limit: 1 });
    const caseId = doc!._id;
    const first = await sockets.recording<{ caseId?: string; viewers?: Array<{ username: string }> }>(servers.web1.url, cookie);
    const { cookie: anaCookie } = await login(servers.web2.url, 'ana');
    const second = await sockets.recording<{ caseId?: string; viewers?: Array<{ username: string }> }>(servers.web2.url, anaCookie);
    await first.socket.emitWithAck('case:watch', { caseId });
    await second.socket.emitWithAck('case:watch', { caseId });
    const lastViewers = (view: typeof first) => view.events.filter(([event, payload]) => event === 'case:presence' && payload.caseId === caseId).at(-1)?.[1].viewers?.map((viewer) => viewer.username);
    await expect.poll(() => lastViewers(first)).toEqual(['admin', 'ana']);
    await expect.poll(() => lastViewers(second)).toEqual(['admin', 'ana']);
  });

  it('recovers a client on another web process when its own shuts down, with the events it missed', async () => {
    const env = readEnv({ PORT: '0', HOST: '127.0.0.1', MONGODB_URI: uri, REDIS_URL: redis.url, SESSION_SECRET: 'live-across-secret-0123456789', ROLE: 'web', X_SIMULATOR: '0', DEMO_USERS: '0' });
    const leaving = await startServer(env);
    const balancer = await startLoadBalancer([leaving.url, servers.web2.url]);
    try {
      const { cookie } = await login(leaving.url, 'admin');
      const seen: string[] = [];
      const socket = await sockets.connect(balancer.url, cookie, { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 200 }, (opened) =>
        opened.on('case:upsert', (payload: { case: { customer: { handle: string } } }) => seen.push(payload.case.customer.handle)),
      );
      const post = (handle: string) => servers.worker.ingest([{ id: `x:${Date.now()}${randomBytes(2).readUInt16BE()}`, platform: 'x', channel: 'public', text: `@AcmeHelp the app keeps crashing (${handle})`, createdAt: new Date().toISOString(), author: { id: `x:${handle}`, handle, name: handle } } as never]);
      // A first event gives the client an offset in the shared stream to resume from.
      await post('before');
      await expect.poll(() => seen).toContain('before');
      const reconnected = new Promise<boolean>((resolve) => socket.once('connect', () => resolve(socket.recovered)));
      // The process shuts down (a deploy): it saves each socket's state in Redis; the worker's next event comes while the client is away.
      await leaving.close();
      await post('meanwhile');
      expect(await reconnected).toBe(true);
      await expect.poll(() => seen).toContain('meanwhile');
    } finally {
      await balancer.close();
    }
  });

  it('counts failed logins on one web process against the other', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await login(servers.web1.url, 'ana-typo')).status).toBe(401);
    expect((await login(servers.web2.url, 'ana-typo')).status).toBe(429);
  });
});
