import { logger } from '../../logger.js';
import type { CheckpointStore, Connector, ConnectorHealth, MessageSink, OutgoingReply, SendResult, StreamHealth } from '../connector.js';
import { runPages } from '../pageRun.js';
import { newStreamHealth, overallStatus } from '../streamHealth.js';
import { checkAccount, type AccountCheck } from './accountCheck.js';
import { X_RATE_WINDOWS, type RateWindow, type XEndpoint } from './endpointLimiter.js';
import { editsIn } from './edits.js';
import type { RetryPolicy } from './retry.js';
import { dmPageSize, fetchDmPage, fetchMentionsPage, isStaleToken, lookBehind } from './streams.js';
import { XApi, type XApiOptions, type XCredentials } from './xApi.js';
import { describeXError, hardBackoffMs, isUsageCapped } from './xErrors.js';
import { XSender } from './xSender.js';

export interface XConnectorOptions {
  baseUrl: string;
  credentials: XCredentials;
  /** The brand account whose mentions and DMs are read. */
  accountId: string;
  checkpoints: CheckpointStore;
  sink: MessageSink;
  windows?: Partial<Record<XEndpoint, RateWindow>>;
  retry?: RetryPolicy;
  /** Poll intervals; by default each stream polls as often as its window allows over time (mentions every 3 s, DMs every 60 s). */
  pollIntervalMs?: { mentions?: number; dms?: number };
  /** How far behind the newest mention read a look-back poll starts (X indexes some mentions late); default 5 minutes, 0 = never. */
  lateMentionsLookbackMs?: number;
  /** How often a mentions poll looks back (each look-back re-reads, and pays for, the posts in that span); default every 10 minutes. */
  lateMentionsEveryMs?: number;
  /** How long a request may take before it is given up (default 15 s); a write given up has an unknown outcome. */
  timeoutMs?: number;
  /** Shares rate-limit windows across processes (bottleneck on Redis). */
  cluster?: XApiOptions['cluster'];
  onError?: (stream: string, error: unknown) => void;
  /** Whether this process works the stream now (its lease is held; several workers share one account). Default: always. */
  mayPoll?: (stream: string) => boolean;
}

type Stream = 'mentions' | 'dms';
const ACCOUNT_RECHECK_MS = 15 * 60_000;
const ENDPOINT_OF: Record<Stream, XEndpoint> = { mentions: 'mentions', dms: 'dmEvents' };

/** The X connector: mentions and DMs pulled into the sink, replies and DMs sent at most once, all through twitter-api-v2. */
export class XConnector implements Connector {
  readonly name = 'x';
  readonly platform = 'x';
  private readonly api: XApi;
  private readonly sender: XSender;
  private readonly mentions = newStreamHealth('mentions');
  private readonly dms = newStreamHealth('dms');
  private readonly sending = { retries: 0, rateLimited: 0 };
  private readonly checking = { retries: 0, rateLimited: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;
  private stopped = false;
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private account: Promise<AccountCheck> | undefined;
  private accountResult: AccountCheck | undefined;
  private lastLookbackAt = 0;
  private runLooksBack = false;
  private dmPageIndex = 0;

  constructor(private readonly options: XConnectorOptions) {
    this.api = new XApi({
      baseUrl: options.baseUrl,
      credentials: options.credentials,
      windows: options.windows,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      cluster: options.cluster,
      onApiVersion: (version) => logger.info({ connector: 'x', apiVersion: version }, 'X api-version (a change to 2.167 renames fields: post.fields, referenced_posts)'),
    });
    this.sender = new XSender(this.api, options.accountId, this.sending);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const windows = { ...X_RATE_WINDOWS, ...this.options.windows };
    this.loop(this.mentions, this.options.pollIntervalMs?.mentions ?? windows.mentions.windowMs / windows.mentions.limit);
    this.loop(this.dms, this.options.pollIntervalMs?.dms ?? windows.dmEvents.windowMs / windows.dmEvents.limit);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Requests in flight are aborted and those waiting for a spent window (up to 15 minutes) or a retry are dropped,
    // not waited for; a page being stored finishes with its checkpoint, and its run reads no further page.
    const limitersStopped = this.api.stop();
    await Promise.allSettled(this.inFlight.values());
    await limitersStopped;
  }

  async pollOnce(): Promise<void> {
    await Promise.all([this.poll(this.mentions), this.poll(this.dms)]);
  }

  async send(reply: OutgoingReply): Promise<SendResult> {
    const account = await this.checkedAccount();
    if (account.accountProblem) throw new Error(account.accountProblem);
    if (reply.channel === 'dm' && account.dmProblem) throw new Error(account.dmProblem);
    return this.sender.send(reply);
  }

  health(): ConnectorHealth {
    const streams = [{ ...this.mentions }, { ...this.dms }];
    const lastPollAt = streams.map((s) => s.lastPollAt).filter((t): t is string => t !== null).sort().at(-1) ?? null;
    const problem = this.accountResult?.accountProblem ?? this.accountResult?.dmProblem ?? streams.find((s) => s.pausedUntil)?.lastError ?? null;
    const status = this.accountResult?.accountProblem && this.running ? 'down' : overallStatus(streams, this.running);
    return { name: this.name, status, lastPollAt, problem, streams };
  }

  /** The start-up check, once (GET /2/users/me against X_ACCOUNT_ID, DM access); logged when something is wrong. */
  private checkedAccount(): Promise<AccountCheck> {
    this.account ??= checkAccount(this.api, this.options.accountId, this.checking).then((result) => {
      this.accountResult = result;
      if (result.accountProblem) logger.error({ connector: 'x', problem: result.accountProblem }, 'X account check failed: not polling or sending');
      if (result.dmProblem) logger.error({ connector: 'x', problem: result.dmProblem }, 'X app cannot use DMs');
      if (result.unchecked) logger.warn({ connector: 'x', problem: result.unchecked }, 'X account not checked yet; going on and checking again shortly');
      if (result.unchecked) setTimeout(() => (this.account = undefined), 60_000).unref();
      // Looked at again a while later (after a fix: keys, credits), not on every poll: each check is a billed user read.
      if (result.accountProblem) setTimeout(() => (this.account = undefined), ACCOUNT_RECHECK_MS).unref();
      return result;
    });
    return this.account;
  }

  private loop(health: StreamHealth, intervalMs: number): void {
    const tick = async () => {
      const moreToRead = await this.poll(health);
      if (!this.running) return;
      // A run that stopped at its page limit with more to read goes on at once (the endpoint's limiter still keeps X's window).
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void tick();
      }, moreToRead ? 0 : intervalMs);
      this.timers.add(timer);
    };
    void tick();
  }

  /** Polls one stream; concurrent calls for the same stream share the poll in flight. True when it stopped with more to read. */
  private poll(health: StreamHealth): Promise<boolean> {
    if (this.stopped) return Promise.resolve(false);
    if (this.options.mayPoll && !this.options.mayPoll(health.stream)) return Promise.resolve(false);
    const current = this.inFlight.get(health.stream);
    if (current) return current;
    const poll = this.pollStream(health).finally(() => this.inFlight.delete(health.stream));
    this.inFlight.set(health.stream, poll);
    return poll;
  }

  /** One run of the stream's pages; true when it stopped at its page limit with more to read (a failed or paused poll waits its interval). */
  private async pollStream(health: StreamHealth): Promise<boolean> {
    if (health.pausedUntil && Date.parse(health.pausedUntil) > Date.now()) return false;
    const account = await this.checkedAccount();
    if (account.accountProblem) {
      health.lastError = account.accountProblem;
      return false;
    }
    if (health === this.dms && account.dmProblem) {
      health.lastError = account.dmProblem;
      return false;
    }
    health.lastPollAt = new Date().toISOString();
    try {
      const complete = await runPages({
        connector: this.name,
        stream: health.stream,
        checkpoints: this.options.checkpoints,
        sink: this.editAwareSink(),
        health,
        isStaleToken,
        keepGoing: () => !this.stopped,
        fetchPage: (sinceId, token) =>
          health === this.mentions
            ? fetchMentionsPage(this.api, this.options.accountId, this.mentionsSince(sinceId, token), token, health)
            : fetchDmPage(this.api, sinceId, token, health, dmPageSize(sinceId, token === undefined ? (this.dmPageIndex = 0) : ++this.dmPageIndex)),
      });
      health.lastSuccessAt = new Date().toISOString();
      if (complete) health.caughtUpAt = health.lastSuccessAt;
      health.lastError = null;
      health.pausedUntil = null;
      return !complete && !this.stopped;
    } catch (error) {
      // A request aborted (or dropped from its queue) by stop() is not X's answer.
      if (!this.stopped) this.failed(health, error);
      return false;
    }
  }

  /** Where a mentions page starts: now and then a few minutes behind the newest read, for mentions X indexed late (the run keeps its choice across pages). */
  private mentionsSince(sinceId: string | undefined, token: string | undefined): string | undefined {
    if (token === undefined) {
      const every = this.options.lateMentionsEveryMs ?? 10 * 60_000;
      this.runLooksBack = Date.now() - this.lastLookbackAt >= every;
      if (this.runLooksBack) this.lastLookbackAt = Date.now();
    }
    return this.runLooksBack ? lookBehind(sinceId, this.options.lateMentionsLookbackMs ?? 5 * 60_000) : sinceId;
  }

  /** The sink, plus: an edited post already stored updates its message instead of arriving as a second one. */
  private editAwareSink(): MessageSink {
    const sink = this.options.sink;
    return {
      ingest: async (messages) => {
        const result = await sink.ingest(messages);
        const edits = editsIn(messages, result.duplicates);
        if (edits.length > 0 && sink.applyEdits) await sink.applyEdits(edits);
        return result;
      },
    };
  }

  private failed(health: StreamHealth, error: unknown): void {
    const problem = describeXError(error);
    health.lastError = problem.text;
    const now = Date.now();
    const backoff = hardBackoffMs(error, now);
    if (backoff !== null) {
      health.pausedUntil = new Date(now + backoff).toISOString();
      if (isUsageCapped(error)) this.api.shut(ENDPOINT_OF[health.stream as Stream], new Date(now + backoff));
    }
    logger.warn({ connector: 'x', stream: health.stream, status: problem.status, title: problem.title, detail: problem.detail, type: problem.type, reason: problem.reason, pausedUntil: health.pausedUntil ?? undefined }, `X poll failed: ${problem.text}`);
    this.options.onError?.(health.stream, error);
  }
}
