/** Options of the X simulator and their defaults (X's own limits unless a test says otherwise). */
import type { AuthConfig } from './auth.js';
import type { TrafficMix } from './dataset.js';
import { ENDPOINTS, type EndpointName } from './endpoints.js';
import { X_RATE_LIMITS, type EndpointLimit } from './rateLimits.js';
import type { RouteSettings } from './routes/deps.js';

/** Everything startXSimulator / new XSimulator accepts; all optional. */
export interface XSimulatorOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Seed of the made-up parts of the dataset (default 42). Same seed, same dataset. */
  seed?: number;
  /** How many items (mentions + DMs) to preload (default 200; up to 10,000 and beyond works). */
  items?: number;
  /** Mix of DMs, follow-ups and photos (defaults 0.2, 0.2, 0.06). */
  mix?: Partial<TrafficMix>;
  /** Mean gap between preloaded items (default 90 s); they end at the clock's current time. */
  meanGapMs?: number;
  /** The account the connector authenticates as (default id 1000000000000000001, handle AcmeHelp). */
  brand?: { id?: string; username?: string };
  /** Milliseconds since the epoch; inject to drive rate-limit windows and timestamps from a test. */
  clock?: () => number;
  /** Per-endpoint overrides of X's limits, e.g. { mentions: { limit: 5, windowMs: 2000 } }. */
  rateLimits?: Partial<Record<EndpointName, Partial<EndpointLimit>>>;
  /** Which credentials to accept (default: any well-formed OAuth 1.0a user header or Bearer token). */
  auth?: AuthConfig;
  /** Folder holding care-tweets-intents.csv and twcs-sample.csv (default /work/shared/data beside the repo). */
  corpusDir?: string;
  /** How far back the mentions timeline reaches, in posts (default 800, as X documents). */
  mentionsTimelineCap?: number;
  /** How far back GET /2/dm_events reaches (default 30 days, as X documents). */
  dmRetentionMs?: number;
  /** Refuse duplicate post text within 24 h with X's 403 (default true). */
  duplicateTweetCheck?: boolean;
  /** Start the live feed right away. */
  feed?: FeedOptions;
  /** X's api-version response header (default 2.159; 2.167 renamed fields). */
  apiVersion?: string;
  /** X's x-access-level header for user-context callers (default read-write-directmessages; read-write means no DMs). */
  accessLevel?: 'read' | 'read-write' | 'read-write-directmessages';
  /** How long our own new posts take to show in GET /2/users/:id/tweets (default 0: at once). */
  ownPostsIndexDelayMs?: number;
  /** Share of customer mentions X indexes late (they reach the timeline 1–4 minutes after their time; default 0). */
  lateIndexRatio?: number;
}

/** Live feed: new customer items at a steady rate. */
export interface FeedOptions {
  /** Milliseconds between ticks. */
  intervalMs: number;
  /** Items per tick (default 1). */
  itemsPerTick?: number;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  seed: number;
  items: number;
  mix: TrafficMix;
  meanGapMs: number;
  brandId: string;
  brandUsername: string;
  clock: () => number;
  rateLimits: Record<EndpointName, EndpointLimit>;
  auth: AuthConfig;
  corpusDir?: string;
  settings: RouteSettings;
  apiVersion: string;
  accessLevel: string;
  lateIndexRatio: number;
}

/** Fills in the defaults. */
export function resolveOptions(options: XSimulatorOptions): ResolvedOptions {
  const rateLimits = Object.fromEntries(
    ENDPOINTS.map((name) => [name, { ...X_RATE_LIMITS[name], ...options.rateLimits?.[name] }]),
  ) as Record<EndpointName, EndpointLimit>;
  return {
    seed: options.seed ?? 42,
    items: options.items ?? 200,
    mix: { dmRatio: 0.2, followUpRatio: 0.2, photoRatio: 0.06, ...options.mix },
    meanGapMs: options.meanGapMs ?? 90_000,
    brandId: options.brand?.id ?? '1000000000000000001',
    brandUsername: options.brand?.username ?? 'AcmeHelp',
    clock: options.clock ?? Date.now,
    rateLimits,
    auth: options.auth ?? {},
    ...(options.corpusDir ? { corpusDir: options.corpusDir } : {}),
    apiVersion: options.apiVersion ?? '2.159',
    accessLevel: options.accessLevel ?? 'read-write-directmessages',
    lateIndexRatio: options.lateIndexRatio ?? 0,
    settings: {
      mentionsTimelineCap: options.mentionsTimelineCap ?? 800,
      dmRetentionMs: options.dmRetentionMs ?? 30 * 24 * 3600_000,
      duplicateTweetCheck: options.duplicateTweetCheck ?? true,
      ownPostsIndexDelayMs: options.ownPostsIndexDelayMs ?? 0,
    },
  };
}
