import { once } from 'node:events';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { createApp, createWorkerApp } from './app.js';
import { describeDemoUsers, isLoopbackHost, seedDemoAccounts } from './auth/seedDemo.js';
import { RedisLoginThrottle } from './auth/redisLoginThrottle.js';
import { StoredSessionStore } from './auth/sessions.js';
import { ingestMessages } from './commands/ingestMessages.js';
import type { Connector, MessageSink } from './connectors/connector.js';
import type { RetryPolicy } from './connectors/x/retry.js';
import { applyEdits } from './commands/applyEdits.js';
import { xLimiterConnection } from './connectors/x/limiterRedis.js';
import type { Env } from './env.js';
import { Leases, processHolderName } from './leases/leases.js';
import type { LeaseView } from './leases/workerJobs.js';
import { logger } from './logger.js';
import { sessionById, sessionFromCookie } from './middleware/session.js';
import { announceIngested } from './realtime/announceIngested.js';
import { CaseFeed } from './realtime/caseFeed.js';
import { announceMentions } from './realtime/announceMentions.js';
import type { AddedNote } from './commands/addNote.js';
import { disconnectSessions, disconnectUsers } from './realtime/disconnectUsers.js';
import { connectedUserIds, startAvailabilitySweeper } from './commands/assignment/availabilitySweeper.js';
import { assignQueuesSoon } from './commands/assignment/assignQueuesSoon.js';
import type { LiveIo } from './realtime/liveIo.js';
import { attachLiveServer, detachedLiveServer } from './realtime/liveServer.js';
import { RedisPresenceShare } from './realtime/sharedPresence.js';
import { redisOutboxNudges } from './replies/outboxNudges.js';
import { connectRedis, redisAdapter } from './realtime/sharedRedis.js';
import { splitSharedCases } from './cases/splitSharedCases.js';
import { healCasesBehindTheirEventsOnce, logStartupHeal } from './cases/healCasesBehindTheirEvents.js';
import type { ReplyRetryPolicy } from './replies/outbox.js';
import { Replies } from './replies/replies.js';
import type { Message } from './routing/index.js';
import { loadActiveRuleSet, type ActiveRuleSet } from './ruleSets/activeRuleSet.js';
import { followPublishedVersions } from './ruleSets/followPublished.js';
import { startXSimulator, type RunningXSimulator } from './simulator/x/index.js';
import { logStoreInUse, openStore, type Store } from './store/index.js';
import { workerPart, type XAccess } from './workerPart.js';
import { prepareWebhooks, type PreparedWebhooks } from './webhooks/startWebhooks.js';

export interface RunningServer {
  url: string;
  store: Store;
  rules: ActiveRuleSet;
  connectors: Connector[];
  simulator?: RunningXSimulator;
  ingest(messages: Message[]): Promise<{ accepted: string[]; duplicates: string[] }>;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Options for the built-in X simulator (tests script it). */
  simulator?: Parameters<typeof startXSimulator>[0];
  /** Poll intervals of the X connector. */
  pollIntervalMs?: { mentions?: number; dms?: number };
  /** How often availability is swept: sockets seen, absent agents made offline, queues assigned (default 15 s). */
  availabilitySweepIntervalMs?: number;
  /** How often the SLA sweeper looks for missed targets (default 15 s). */
  slaSweepIntervalMs?: number;
  /** Start connectors polling (default true). */
  startConnectors?: boolean;
  /** Retries of the X connector's requests (tests make them few and fast). */
  xRetry?: RetryPolicy;
  /** How often and how soon the reply outbox tries a reply again. */
  replyRetry?: ReplyRetryPolicy;
  /** How long the bot waits before answering the same author again (default 24 h). */
  botAnswerWindowMs?: number;
  /** Write each client's burst of live events in one system call (default true; the live bench turns it off to compare with Socket.IO as it comes). */
  coalesceLiveFrames?: boolean;
  /** Pause between retention sweeps (default a day). */
  retentionIntervalMs?: number;
  /** Pause between webhook dispatcher passes (default 1 s). */
  webhookIntervalMs?: number;
}

const SIMULATOR_CREDENTIALS = { appKey: 'simulator', appSecret: 'simulator', accessToken: 'simulator', accessSecret: 'simulator' };

/**
 * Opens the store and does what ROLE says: `web` serves the API, the client
 * and Socket.IO; `worker` runs the connectors, the reply outbox and the
 * timers (each under a lease when several processes share the store) and
 * serves only GET /api/health; `all` does both.
 */
export async function startServer(env: Env, options: ServerOptions = {}): Promise<RunningServer> {
  const serves = { web: env.role !== 'worker', work: env.role !== 'web' };
  if (serves.web && env.demoUsers && !isLoopbackHost(env.host)) {
    throw new Error(`refusing to listen on ${env.host} with the demo users (password "demo"): set DEMO_USERS=0 or HOST=127.0.0.1`);
  }
  const redis = env.redisUrl ? await connectRedis(env.redisUrl) : undefined;
  const store = await openStore({ mongodbUri: env.mongodbUri, dataDir: env.dataDir }).catch(async (error: unknown) => {
    redis?.disconnect();
    throw error;
  });
  logStoreInUse(logger, store);
  // Before anything else starts: without the key stored webhooks could not be signed, and the store is closed again on refusal.
  const webhooks = await prepareWebhooks(store, env.webhookSecretKey, { intervalMs: options.webhookIntervalMs, allowPrivate: env.webhookAllowPrivate }).catch(async (error: unknown) => {
    await store.close();
    await redis?.quit().catch(() => redis.disconnect());
    throw error;
  });
  logger.info({ role: env.role, redis: Boolean(redis), leaseMs: redis ? env.leaseMs : undefined }, 'process role');
  const rules = await loadActiveRuleSet(store, env.rulesFile);
  if (serves.web && env.demoUsers && (await seedDemoAccounts(store)).length > 0) process.stdout.write(`${describeDemoUsers()}\n`);

  const simulator = serves.work && env.xSimulator ? await startXSimulator({ feed: { intervalMs: 4000 }, lateIndexRatio: 0.02, ...options.simulator }) : undefined;
  const accountId = simulator?.sim.brand.id ?? env.xAccountId;
  const brandAccounts = new Set(accountId ? [`x:${accountId}`] : []);
  // Data stored before one case per customer conversation: split once, before anything is ingested.
  const split = await splitSharedCases({ store, brandAccounts });
  if (split > 0) logger.info({ cases: split }, 'opened a case of their own for each further customer of shared public conversations (one case per customer conversation)');
  // Data written before events were staged on their case: a case numbered behind its events would clash on its next write. Once per data set.
  logStartupHeal(logger, await healCasesBehindTheirEventsOnce(store));
  // Set once the live side is up; messages ingested before then are announced by nobody (no one is connected yet).
  const live: { feed?: CaseFeed; disconnectUsers?: (userIds: string[]) => Promise<void>; disconnectSessions?: (sessionIds: string[]) => Promise<void>; notesMentioned?: (note: AddedNote) => void } = {};
  const casesChanged = async (caseIds: string[], messageIds?: ReadonlySet<string>) => live.feed?.casesChanged(caseIds, messageIds);
  let sendingConnectors: Connector[] = [];
  const nudges = redis ? redisOutboxNudges(redis) : undefined;
  const replies = new Replies({ store, rules, brandAccounts, connectors: () => sendingConnectors, retry: options.replyRetry, botWindowMs: options.botAnswerWindowMs, targets: env.responseTargets, nudges, announce: async (caseIds, messageIds) => casesChanged(caseIds, messageIds) });
  // One step after each batch: the bot answers the cases it opened, then one announcement of everything it changed.
  const ingest = async (messages: Message[]) => {
    const result = await ingestMessages({ store, rules, brandAccounts, messages, targets: env.responseTargets });
    const bot = await replies.afterIngest(result);
    if (live.feed && (result.stored.length > 0 || bot.caseIds.length > 0)) {
      // The messages are stored whatever happens here: a failed announcement is logged, clients refetch on their next event or reconnect.
      await announceIngested(live.feed, store, result, bot).catch((error: unknown) => logger.error({ err: error }, 'announcing ingested cases failed'));
    }
    // New cases wait in their team's queue until assigned (teams in manual mode keep them there).
    if (result.accepted.length > 0) void assignQueuesSoon(store, async (caseIds) => casesChanged(caseIds));
    return { accepted: result.accepted, duplicates: result.duplicates };
  };
  const sink: MessageSink = {
    ingest,
    applyEdits: async (messages) => {
      const { caseIds, messageIds } = await applyEdits({ store, messages });
      if (caseIds.length > 0) await live.feed?.casesChanged(caseIds, new Set(messageIds)).catch((error: unknown) => logger.error({ err: error }, 'announcing edited messages failed'));
    },
  };
  // Bottleneck's Redis clustering: every worker posting for this account shares its X windows.
  const limiterRedis = serves.work && env.redisUrl ? xLimiterConnection(env.redisUrl) : undefined;
  const credentials = simulator ? SIMULATOR_CREDENTIALS : env.xCredentials;
  const x: XAccess | undefined = serves.work && credentials && accountId
    ? { baseUrl: simulator?.baseUrl ?? env.xApiBaseUrl, credentials, accountId, pollIntervalMs: options.pollIntervalMs ?? pollEvery(env.xPollIntervalMs), retry: options.xRetry, ...(limiterRedis ? { cluster: { accountId, connection: limiterRedis } } : {}) }
    : undefined;
  const leases = redis ? new Leases(store.collections.leases, { leaseMs: env.leaseMs }) : undefined;
  const worker = workerPart({
    store, sink, x, leases, replies: () => replies, webhooks: webhooks.dispatcher, startConnectors: options.startConnectors !== false, slaSweepIntervalMs: options.slaSweepIntervalMs,
    retention: env.retentionDays === undefined ? undefined : { days: env.retentionDays, intervalMs: options.retentionIntervalMs },
    announceCases: async (caseIds) => casesChanged(caseIds),
    onSlaBreach: (caseIds) => void live.feed?.slaBreached(caseIds).catch((error: unknown) => logger.error({ err: error }, 'announcing SLA breaches failed')),
  });
  const connectors = worker.connectors;
  sendingConnectors = worker.sendingConnectors;
  if (simulator) logger.info({ baseUrl: simulator.baseUrl }, 'X API simulator feeding demo traffic (no X credentials set)');

  const health = { role: env.role, leases: worker.jobs.leases };
  const web = serves.web ? await startWeb(env, { store, rules, brandAccounts, redis, ingest, connectors, replies, casesChanged, live, health, coalesceLiveFrames: options.coalesceLiveFrames, webhooks }) : undefined;
  const http = web?.http ?? (await listen(createWorkerApp({ storeBackend: store.backend, connectors: () => connectors, ...health }), env));
  const io: LiveIo | undefined = web?.io ?? (redis ? detachedLiveServer(redisAdapter(redis)) : undefined);
  if (!web && io) live.feed = new CaseFeed(io, store);
  const stopFollowing = store.backend === 'mongodb' ? followPublishedVersions(store, rules) : () => undefined;
  // Sockets live on web processes: each records who is connected to it, makes absent agents offline and assigns the queues.
  const availability = web ? startAvailabilitySweeper(store, () => connectedUserIds(web.io), (caseIds) => casesChanged(caseIds), options.availabilitySweepIntervalMs) : undefined;
  const { port } = http.address() as AddressInfo;
  const url = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;
  if (serves.work) worker.jobs.begin();
  logger.info({ url, role: env.role }, serves.web ? 'care inbox listening' : 'care inbox worker running (GET /api/health only)');

  let closing: Promise<void> | undefined;
  return {
    url, store, rules, connectors, simulator, ingest,
    close: () => (closing ??= (async () => {
      // The jobs are told to stop first (the outbox before the connectors): a send the connectors cut short leaves its reply queued for the next start.
      const jobsEnded = worker.jobs.end();
      await Promise.all(connectors.map((connector) => connector.stop()));
      await jobsEnded;
      stopFollowing();
      await availability?.stop();
      web?.stop();
      // Stop accepting connections first: a client dropped below must reconnect to another process, not to this one.
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      // Closing Socket.IO saves each socket's state for recovery elsewhere; a detached server (worker) only has its adapter's Redis readers.
      if (web) await web.io.close();
      else await io?.of('/').adapter.close();
      http.closeAllConnections();
      await httpClosed;
      await simulator?.close();
      await limiterRedis?.disconnect();
      await store.close();
      await nudges?.close();
      await redis?.quit().catch(() => redis.disconnect());
    })()),
  };
}

interface WebDeps {
  store: Store;
  rules: ActiveRuleSet;
  brandAccounts: ReadonlySet<string>;
  redis?: Redis;
  ingest: (messages: Message[]) => Promise<{ accepted: string[]; duplicates: string[] }>;
  connectors: Connector[];
  replies: Replies;
  casesChanged: (caseIds: string[], messageIds?: ReadonlySet<string>) => Promise<void>;
  live: { feed?: CaseFeed; disconnectUsers?: (userIds: string[]) => Promise<void>; disconnectSessions?: (sessionIds: string[]) => Promise<void>; notesMentioned?: (note: AddedNote) => void };
  health: { role: Env['role']; leases: () => Promise<LeaseView[]> };
  coalesceLiveFrames?: boolean;
  webhooks: PreparedWebhooks;
}

/** The web side: the API and client over HTTP, and Socket.IO on the same server (its adapter in Redis when several processes share the work). */
async function startWeb(env: Env, deps: WebDeps): Promise<{ http: HttpServer; io: LiveIo; stop(): void }> {
  const { store, live } = deps;
  const sessions = new StoredSessionStore(store.collections.sessions);
  const app = createApp({
    storeBackend: store.backend, trustProxy: env.trustProxy, serveSourceMaps: env.serveSourceMaps, targets: env.responseTargets, ingestToken: env.ingestToken, ingest: deps.ingest, connectors: () => deps.connectors,
    rules: { store, rules: deps.rules, brandAccounts: deps.brandAccounts }, auth: { store, secret: env.sessionSecret, sessions, loginLimits: deps.redis ? new RedisLoginThrottle(deps.redis) : undefined },
    casesChanged: deps.casesChanged, notesMentioned: async (note) => live.notesMentioned?.(note), replies: deps.replies, usersChanged: async (userIds) => live.disconnectUsers?.(userIds), sessionEnded: async (sessionId) => live.disconnectSessions?.([sessionId]), health: deps.health,
    webhookBox: deps.webhooks.box, webhookAllowPrivate: env.webhookAllowPrivate, webhooksChanged: () => deps.webhooks.dispatcher?.kick(),
  });
  const http = await listen(app, env);
  const { io, presence } = attachLiveServer(http, {
    authenticate: (cookie) => sessionFromCookie(cookie, { store, sessions, secret: env.sessionSecret }),
    sessionUserNow: async (sessionId) => (await sessionById(sessionId, { store, sessions }))?.user,
  }, {
    store,
    coalesceFrames: deps.coalesceLiveFrames ?? true,
    adapter: deps.redis ? redisAdapter(deps.redis) : undefined,
    presenceShare: deps.redis ? new RedisPresenceShare(deps.redis, processHolderName()) : undefined,
  });
  live.feed = new CaseFeed(io, store, (caseId, team) => presence?.caseMoved(caseId, team));
  live.disconnectUsers = (userIds) => disconnectUsers(io, userIds);
  live.notesMentioned = (note) => announceMentions(io, note);
  live.disconnectSessions = (sessionIds) => disconnectSessions(io, sessionIds);
  return { http, io, stop: () => presence?.close() };
}

function pollEvery(intervalMs: number | undefined): ServerOptions['pollIntervalMs'] {
  return intervalMs === undefined ? undefined : { mentions: intervalMs, dms: intervalMs };
}

async function listen(app: ReturnType<typeof createWorkerApp>, env: Env): Promise<HttpServer> {
  const http = app.listen(env.port, env.host);
  await once(http, 'listening');
  return http;
}
