import type { Message } from '../routing/index.js';

/** A reply or DM our side sends through a network. */
export interface OutgoingReply {
  channel: 'public' | 'dm';
  text: string;
  /** Network id of the post replied to (public replies). */
  inReplyTo?: string;
  /** Network user id of the customer (DMs). */
  recipientId?: string;
  /**
   * When an earlier attempt started whose outcome is unknown (its answer was
   * lost, or the process stopped mid-send): the connector looks for it on the
   * network before sending again.
   */
  unknownAttemptAt?: Date;
}

/** How a send ended: the network's id, or "probably sent" when the network refused a repeat as a duplicate but the original cannot be found. */
export type SendResult = { externalId: string; settledBy?: 'sent' | 'found' } | { externalId: null; probablySent: string };

/** Nothing was sent: the network's window (or daily cap) for this kind of send is spent until `until`. */
export class WindowWaitError extends Error {
  constructor(message: string, readonly until: Date) {
    super(message);
    this.name = 'WindowWaitError';
  }
}

/** A send whose outcome is unknown (no answer came): neither sent again nor given up until it is looked up. */
export class OutcomeUnknownError extends Error {
  constructor(message: string, readonly attemptAt: Date) {
    super(message);
    this.name = 'OutcomeUnknownError';
  }
}

/** One polled stream's figures, for GET /api/health and the admin view. */
export interface StreamHealth {
  stream: string;
  lastPollAt: string | null;
  lastSuccessAt: string | null;
  /** Last time a poll read the stream up to its newest item (a poll reads at most a bounded number of pages). */
  caughtUpAt: string | null;
  /** Age of the newest item stored, when known. */
  lagMs: number | null;
  stored: number;
  duplicates: number;
  retries: number;
  rateLimited: number;
  /** Page runs that could not be read to their end (restarted from the last checkpoint). */
  gaps: number;
  lastError: string | null;
  /** Until when the stream is left alone after a refusal no retry fixes (401, 402, 403, a spent cap). */
  pausedUntil?: string | null;
}

export interface ConnectorHealth {
  name: string;
  status: 'ok' | 'degraded' | 'down' | 'stopped';
  lastPollAt: string | null;
  /** What an operator must fix, in the network's own words (X's title, detail, type and reason), or null. */
  problem: string | null;
  streams: StreamHealth[];
}

/** Where a connector saves its position per stream, only after the messages before it are stored. */
export interface StreamCheckpoint {
  /** Newest network id fully stored. */
  newestId?: string;
  /** Within an unfinished page run: where it started, its newest id and the next page's token. */
  run?: { sinceId?: string; newestId?: string; nextToken: string };
}

export interface CheckpointStore {
  load(connector: string, stream: string): Promise<StreamCheckpoint | null>;
  save(connector: string, stream: string, checkpoint: StreamCheckpoint): Promise<void>;
}

/** Receives pulled messages: stores each once (idempotent by id) and routes the new ones. */
export interface MessageSink {
  ingest(messages: Message[]): Promise<{ accepted: string[]; duplicates: string[] }>;
  /** Updates stored messages with a later version (an edited post; same id, new text). */
  applyEdits?(messages: Message[]): Promise<void>;
}

/** A social network behind one interface, so networks can be added without touching routing or the inbox. */
export interface Connector {
  readonly name: string;
  readonly platform: string;
  start(): void;
  stop(): Promise<void>;
  /** Polls every stream once (also what the timer does). */
  pollOnce(): Promise<void>;
  /** Sends once; throws OutcomeUnknownError when it cannot tell whether the network acted on it. */
  send(reply: OutgoingReply): Promise<SendResult>;
  health(): ConnectorHealth;
}
