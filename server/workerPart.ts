import { startSlaSweeper } from './cases/slaSweeper.js';
import type { Connector, MessageSink } from './connectors/connector.js';
import type { RetryPolicy } from './connectors/x/retry.js';
import { XConnector, type XConnectorOptions } from './connectors/x/xConnector.js';
import type { XCredentials } from './connectors/x/xApi.js';
import { fencedCheckpoints } from './leases/fencedCheckpoints.js';
import { fencedSends } from './leases/fencedSends.js';
import type { Fence, LeasedJob } from './leases/leasedWork.js';
import type { Leases } from './leases/leases.js';
import { workerJobs, type WorkerJobs } from './leases/workerJobs.js';
import { retentionJob } from './governance/retention/retentionJob.js';
import { logger } from './logger.js';
import type { Replies } from './replies/replies.js';
import { allTeamsScope, storedCheckpoints, type Store } from './store/index.js';
import type { WebhookDispatcher } from './webhooks/dispatcher.js';

/** The X account a worker reads and answers for. */
export interface XAccess {
  baseUrl: string;
  credentials: XCredentials;
  accountId: string;
  pollIntervalMs?: { mentions?: number; dms?: number };
  retry?: RetryPolicy;
  /** Shares the account's X windows with the other workers (bottleneck's Redis clustering). */
  cluster?: XConnectorOptions['cluster'];
}

export interface WorkerPartOptions {
  store: Store;
  sink: MessageSink;
  x?: XAccess;
  /** Set when several processes share the store: each job then runs under its lease. */
  leases?: Leases;
  replies(): Replies;
  /** Sends webhook deliveries (set when WEBHOOK_SECRET_KEY is). */
  webhooks?: WebhookDispatcher;
  onSlaBreach(caseIds: string[]): void;
  /** Announces cases again (after taking a lease from a process that may have died between a write and its announcement). */
  announceCases(caseIds: string[]): Promise<void>;
  slaSweepIntervalMs?: number;
  /** RETENTION_DAYS: erase resolved and suppressed cases untouched this long, in a daily sweep (none when unset). */
  retention?: { days: number; intervalMs?: number };
  /** Start polling the connectors (tests poll by hand). */
  startConnectors: boolean;
}

/** What a worker runs: connectors, the reply outbox (bot answers and agents' replies), the SLA sweeper, each under its lease. */
export interface WorkerPart {
  connectors: Connector[];
  /** The connectors as the outbox sends through them: each send first checks the outbox's lease. */
  sendingConnectors: Connector[];
  jobs: WorkerJobs;
}

/**
 * How often a leased outbox looks at its whole queue: other processes nudge it
 * over Redis when they queue replies (outboxNudges.ts); this catches a nudge
 * lost while Redis was unreachable. Each look reads every lane.
 */
const OUTBOX_POLL_MS = 10_000;

/** Builds the worker's jobs (not started: `jobs.begin()`). */
export function workerPart(options: WorkerPartOptions): WorkerPart {
  const connectors: Connector[] = [];
  const jobs = new Map<string, LeasedJob>();
  const { x } = options;
  if (x) {
    const polled = new Set<string>();
    // A stream taken over is polled at once (its window permitting), not one interval later.
    const pollNow = () => options.startConnectors && void connectors[0]?.pollOnce();
    for (const stream of ['mentions', 'dms']) jobs.set(`x:${stream}`, streamJob(polled, stream, pollNow));
    connectors.push(new XConnector({
      baseUrl: x.baseUrl,
      credentials: x.credentials,
      accountId: x.accountId,
      checkpoints: options.leases ? fencedCheckpoints(options.store.collections.checkpoints, (stream) => fences.fenceOf(`x:${stream}`)) : storedCheckpoints(options.store.collections.checkpoints),
      sink: options.sink,
      pollIntervalMs: x.pollIntervalMs,
      retry: x.retry,
      cluster: x.cluster,
      mayPoll: (stream) => polled.has(stream),
      onError: (stream, error) => logger.warn({ connector: 'x', stream, err: error }, 'poll failed'),
    }));
  }
  jobs.set('outbox', outboxJob(options.replies, options.leases !== undefined));
  jobs.set('sla-sweeper', sweeperJob(options));
  // One webhook dispatcher among all workers (deliveries are also claimed one by one, so an overlap at a takeover sends nothing twice).
  const { webhooks } = options;
  if (webhooks) jobs.set('webhooks', { start: () => webhooks.start(), stop: () => webhooks.stop() });
  if (options.retention) jobs.set('retention', retentionJob({ store: options.store, ...options.retention, announceCases: options.announceCases }));
  const fences = workerJobs(new Map([...jobs].map(([name, job]) => [name, announcingTakeovers(job, options)])), options.leases);
  const outboxFence = fences.fenceOf('outbox');
  const startConnectors = options.startConnectors;
  return {
    connectors,
    sendingConnectors: connectors.map((connector) => fencedSends(connector, outboxFence)),
    jobs: {
      ...fences,
      begin: () => {
        fences.begin();
        if (startConnectors) for (const connector of connectors) connector.start();
      },
    },
  };
}

// How many recently changed cases a takeover announces again, at most.
const TAKEOVER_ANNOUNCE_LIMIT = 1_000;

/**
 * A job that, when it takes its lease from another process, first announces
 * again every case changed since that process's last renewal less one lease
 * period: a worker killed between storing and announcing leaves agents who
 * stayed connected without those events, and nothing else would send them.
 * Clients ignore an event whose seq they already have.
 */
function announcingTakeovers(job: LeasedJob, options: Pick<WorkerPartOptions, 'store' | 'leases' | 'announceCases'>): LeasedJob {
  return {
    start: (fence, grant) => {
      job.start(fence, grant);
      if (!grant?.takenFrom || !options.leases) return;
      const since = new Date(grant.takenFrom.renewedAt.getTime() - options.leases.leaseMs);
      void options.store.collections.cases.find(allTeamsScope(), { updatedAt: { $gte: since } }, { sort: { updatedAt: -1 }, limit: TAKEOVER_ANNOUNCE_LIMIT, fields: ['_id'] })
        .then(async (cases) => {
          if (cases.length > 0) await options.announceCases(cases.map((doc) => doc._id));
        })
        .catch((error: unknown) => logger.warn({ err: error, lease: fence.lease }, 'announcing the cases of a taken-over lease failed'));
    },
    stop: () => job.stop(),
  };
}

/** A connector stream's job: while it runs, the connector's loop polls the stream here. */
function streamJob(polled: Set<string>, stream: string, pollNow: () => void): LeasedJob {
  return {
    start: () => {
      polled.add(stream);
      pollNow();
    },
    stop: async () => void polled.delete(stream),
  };
}

/** The reply outbox's job: sends while it runs; with leases, also looks every OUTBOX_POLL_MS for replies queued elsewhere. */
function outboxJob(replies: () => Replies, shared: boolean): LeasedJob {
  let timer: NodeJS.Timeout | undefined;
  return {
    start: (_fence: Fence) => {
      replies().start();
      if (shared) timer = setInterval(() => replies().wake(), OUTBOX_POLL_MS);
      timer?.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await replies().stop();
    },
  };
}

/** The SLA sweeper's job: one sweeper among all workers. */
function sweeperJob(options: WorkerPartOptions): LeasedJob {
  let sweeper: { stop(): Promise<void> } | undefined;
  return {
    start: () => {
      sweeper = startSlaSweeper(options.store, options.onSlaBreach, options.slaSweepIntervalMs);
    },
    stop: async () => {
      await sweeper?.stop();
      sweeper = undefined;
    },
  };
}
