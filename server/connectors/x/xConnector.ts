import type { CheckpointStore, Connector, ConnectorHealth, MessageSink, OutgoingReply, StreamHealth } from '../connector.js';
import { runPages } from '../pageRun.js';
import { newStreamHealth, overallStatus } from '../streamHealth.js';
import { X_RATE_WINDOWS, type RateWindow, type XEndpoint } from './endpointLimiter.js';
import { fetchDmPage, fetchMentionsPage, isStaleToken } from './streams.js';
import { XApi, type XCredentials } from './xApi.js';
import type { RetryPolicy } from './retry.js';

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
  onError?: (stream: string, error: unknown) => void;
}

/** The X connector: mentions and DMs pulled into the sink, replies and DMs sent, all through twitter-api-v2. */
export class XConnector implements Connector {
  readonly name = 'x';
  readonly platform = 'x';
  private readonly api: XApi;
  private readonly mentions = newStreamHealth('mentions');
  private readonly dms = newStreamHealth('dms');
  private readonly sending = { retries: 0, rateLimited: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;
  private stopped = false;
  private readonly inFlight = new Map<string, Promise<void>>();

  constructor(private readonly options: XConnectorOptions) {
    this.api = new XApi({ baseUrl: options.baseUrl, credentials: options.credentials, windows: options.windows, retry: options.retry });
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
    await Promise.allSettled(this.inFlight.values());
    await this.api.stop();
  }

  async pollOnce(): Promise<void> {
    await Promise.all([this.poll(this.mentions), this.poll(this.dms)]);
  }

  async send(reply: OutgoingReply): Promise<{ externalId: string }> {
    if (reply.channel === 'public') {
      if (!reply.inReplyTo) throw new Error('a public reply needs the id of the post it answers');
      const body = await this.api.post<{ data: { id: string } }>('postTweet', 'tweets', { text: reply.text, reply: { in_reply_to_tweet_id: reply.inReplyTo } }, this.sending);
      return { externalId: body.data.id };
    }
    if (!reply.recipientId) throw new Error('a DM needs the recipient user id');
    const body = await this.api.post<{ data: { dm_event_id: string } }>('postDm', `dm_conversations/with/${reply.recipientId}/messages`, { text: reply.text }, this.sending);
    return { externalId: body.data.dm_event_id };
  }

  health(): ConnectorHealth {
    const streams = [{ ...this.mentions }, { ...this.dms }];
    const lastPollAt = streams.map((s) => s.lastPollAt).filter((t): t is string => t !== null).sort().at(-1) ?? null;
    return { name: this.name, status: overallStatus(streams, this.running), lastPollAt, streams };
  }

  private loop(health: StreamHealth, intervalMs: number): void {
    const tick = async () => {
      await this.poll(health);
      if (!this.running) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void tick();
      }, intervalMs);
      this.timers.add(timer);
    };
    void tick();
  }

  /** Polls one stream; concurrent calls for the same stream share the poll in flight. */
  private poll(health: StreamHealth): Promise<void> {
    const current = this.inFlight.get(health.stream);
    if (current) return current;
    const poll = this.pollStream(health).finally(() => this.inFlight.delete(health.stream));
    this.inFlight.set(health.stream, poll);
    return poll;
  }

  private async pollStream(health: StreamHealth): Promise<void> {
    health.lastPollAt = new Date().toISOString();
    try {
      const complete = await runPages({
        connector: this.name,
        stream: health.stream,
        checkpoints: this.options.checkpoints,
        sink: this.options.sink,
        health,
        isStaleToken,
        fetchPage: (sinceId, token) =>
          health === this.mentions
            ? fetchMentionsPage(this.api, this.options.accountId, sinceId, token, health)
            : fetchDmPage(this.api, sinceId, token, health),
      });
      health.lastSuccessAt = new Date().toISOString();
      if (complete) health.caughtUpAt = health.lastSuccessAt;
      health.lastError = null;
    } catch (error) {
      health.lastError = error instanceof Error ? error.message : String(error);
      this.options.onError?.(health.stream, error);
    }
  }
}
