import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { describeDemoUsers, isLoopbackHost, seedDemoAccounts } from './auth/seedDemo.js';
import { ingestMessages } from './commands/ingestMessages.js';
import type { Connector, MessageSink } from './connectors/connector.js';
import type { RetryPolicy } from './connectors/x/retry.js';
import { XConnector } from './connectors/x/xConnector.js';
import type { Env } from './env.js';
import { logger } from './logger.js';
import type { Message } from './routing/index.js';
import { loadActiveRuleSet, type ActiveRuleSet } from './ruleSets/activeRuleSet.js';
import { StoredSessionStore } from './auth/sessions.js';
import { sessionById, sessionFromCookie } from './middleware/session.js';
import { followPublishedVersions } from './ruleSets/followPublished.js';
import { announceIngested } from './realtime/announceIngested.js';
import { CaseFeed } from './realtime/caseFeed.js';
import { disconnectUsers } from './realtime/disconnectUsers.js';
import { startSlaSweeper } from './cases/slaSweeper.js';
import { attachLiveServer } from './realtime/liveServer.js';
import type { ReplyRetryPolicy } from './replies/outbox.js';
import { Replies } from './replies/replies.js';
import { startXSimulator, type RunningXSimulator } from './simulator/x/index.js';
import { logStoreInUse, openStore, storedCheckpoints, type Store } from './store/index.js';

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
}

const SIMULATOR_CREDENTIALS = { appKey: 'simulator', appSecret: 'simulator', accessToken: 'simulator', accessSecret: 'simulator' };

/** Opens the store, loads the rules, starts the connectors and listens. */
export async function startServer(env: Env, options: ServerOptions = {}): Promise<RunningServer> {
  if (env.demoUsers && !env.mongodbUri && !isLoopbackHost(env.host)) {
    throw new Error(`refusing to listen on ${env.host} with the demo users (password "demo"): set DEMO_USERS=0 or HOST=127.0.0.1`);
  }
  const store = await openStore({ mongodbUri: env.mongodbUri, dataDir: env.dataDir });
  logStoreInUse(logger, store);
  const rules = await loadActiveRuleSet(store, env.rulesFile);
  if (env.demoUsers && (await seedDemoAccounts(store)).length > 0) process.stdout.write(`${describeDemoUsers()}\n`);

  const simulator = env.xSimulator ? await startXSimulator({ feed: { intervalMs: 4000 }, ...options.simulator }) : undefined;
  const accountId = simulator?.sim.brand.id ?? env.xAccountId;
  const brandAccounts = new Set(accountId ? [`x:${accountId}`] : []);
  // Set once the live server is up; messages ingested before then are announced by nobody (no one is connected yet).
  const live: { feed?: CaseFeed; disconnectUsers?: (userIds: string[]) => Promise<void> } = {};
  const connectors: Connector[] = [];
  const replies = new Replies({ store, rules, brandAccounts, connectors: () => connectors, retry: options.replyRetry, botWindowMs: options.botAnswerWindowMs, targets: env.responseTargets, announce: async (caseIds, messageIds) => live.feed?.casesChanged(caseIds, messageIds) });
  const ingest = async (messages: Message[]) => {
    const result = await ingestMessages({ store, rules, brandAccounts, messages, targets: env.responseTargets });
    if (live.feed && result.accepted.length > 0) {
      const accepted = new Set(result.accepted);
      // The messages are stored whatever happens here: a failed announcement is logged, clients refetch on their next event or reconnect.
      await announceIngested(live.feed, store, messages.filter((message) => accepted.has(message.id))).catch((error: unknown) => logger.error({ err: error }, 'announcing ingested cases failed'));
    }
    await replies.afterIngest(messages, result.accepted);
    return result;
  };
  const sink: MessageSink = { ingest };
  const credentials = simulator ? SIMULATOR_CREDENTIALS : env.xCredentials;
  if (credentials && accountId) {
    connectors.push(new XConnector({
      baseUrl: simulator?.baseUrl ?? env.xApiBaseUrl,
      credentials,
      accountId,
      checkpoints: storedCheckpoints(store.collections.checkpoints),
      sink,
      pollIntervalMs: options.pollIntervalMs,
      retry: options.xRetry,
      onError: (stream, error) => logger.warn({ connector: 'x', stream, err: error }, 'poll failed'),
    }));
  }
  if (simulator) logger.info({ baseUrl: simulator.baseUrl }, 'X API simulator feeding demo traffic (no X credentials set)');

  const sessions = new StoredSessionStore(store.collections.sessions);
  const app = createApp({ storeBackend: store.backend, targets: env.responseTargets, ingestToken: env.ingestToken, ingest, connectors: () => connectors, rules: { store, rules, brandAccounts }, auth: { store, secret: env.sessionSecret, sessions }, casesChanged: async (caseIds, messageIds) => live.feed?.casesChanged(caseIds, messageIds), replies, usersChanged: async (userIds) => live.disconnectUsers?.(userIds) });
  const http = app.listen(env.port, env.host);
  await once(http, 'listening');
  const { io, presence } = attachLiveServer(http, {
    authenticate: (cookie) => sessionFromCookie(cookie, { store, sessions, secret: env.sessionSecret }),
    sessionUserNow: async (sessionId) => (await sessionById(sessionId, { store, sessions }))?.user,
  }, { store, coalesceFrames: options.coalesceLiveFrames ?? true });
  live.feed = new CaseFeed(io, store, (caseId, team) => presence?.caseMoved(caseId, team));
  live.disconnectUsers = (userIds) => disconnectUsers(io, userIds);
  const stopFollowing = store.backend === 'mongodb' ? followPublishedVersions(store, rules) : () => undefined;
  const sweeper = startSlaSweeper(store, (caseIds) => void live.feed?.slaBreached(caseIds).catch((error: unknown) => logger.error({ err: error }, 'announcing SLA breaches failed')), options.slaSweepIntervalMs);
  const { port } = http.address() as AddressInfo;
  const url = `http://${env.host.includes(':') ? `[${env.host}]` : env.host}:${port}`;
  if (options.startConnectors !== false) for (const connector of connectors) connector.start();
  replies.start();
  logger.info({ url }, 'care inbox listening');

  let closing: Promise<void> | undefined;
  return {
    url, store, rules, connectors, simulator, ingest,
    close: () => (closing ??= (async () => {
      // The outbox stops first: a send the connectors cut short as they stop leaves its reply queued for the next start.
      const repliesStopped = replies.stop();
      await Promise.all(connectors.map((connector) => connector.stop()));
      await repliesStopped;
      stopFollowing();
      await sweeper.stop();
      await io.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await simulator?.close();
      await store.close();
    })()),
  };
}
