import { randomBytes } from 'node:crypto';
import { parseResponseTargets, type ResponseTargets } from './cases/responseTargets.js';
import { DEFAULT_SLA } from './cases/sla.js';
import { parseSecretKey } from './webhooks/secretBox.js';

/** The server's configuration, read from the environment (api.md "Configuration"; .env.example lists the same variables). */
export interface Env {
  port: number;
  host: string;
  mongodbUri?: string;
  dataDir: string;
  sessionSecret: string;
  sessionSecretIsEphemeral: boolean;
  ingestToken?: string;
  /** TRUST_PROXY: behind a TLS-terminating proxy, as express's "trust proxy" (hops or addresses); undefined = not behind one. */
  trustProxy?: TrustProxy;
  xApiBaseUrl: string;
  xAccountId?: string;
  xCredentials?: { appKey: string; appSecret: string; accessToken: string; accessSecret: string };
  xSimulator: boolean;
  rulesFile: string;
  demoUsers: boolean;
  /** SERVE_SOURCE_MAPS: serve the built client's source maps (off: they would hand out the client's source). */
  serveSourceMaps: boolean;
  /** Each tier's first-response and resolution targets (RESPONSE_TARGETS over the defaults). */
  responseTargets: ResponseTargets;
  /** WEBHOOK_SECRET_KEY: the AES-256-GCM key webhook secrets are stored under (32 bytes). */
  webhookSecretKey?: Buffer;
  /** WEBHOOK_ALLOW_PRIVATE: webhooks may target loopback and private networks; by default only for a local trial: embedded store, loopback, no proxy in front (SSRF). */
  webhookAllowPrivate: boolean;
  /** RETENTION_DAYS: resolved and suppressed cases untouched this many days are erased by a daily sweep; undefined = kept. */
  retentionDays?: number;
  /** What this process does (api.md "Several processes"). */
  role: Role;
  /** Redis shared by the processes (Socket.IO adapter, presence, login throttling, rate-limit windows). */
  redisUrl?: string;
  /** How long a lease on a connector stream or a timer lasts without renewal. */
  leaseMs: number;
  /** How often the X streams are polled (X_POLL_INTERVAL_MS; default: as often as X's published windows allow over time). */
  xPollIntervalMs?: number;
}

/** `all`: everything in one process; `web`: HTTP API, client, Socket.IO; `worker`: connectors, bot answers, the reply outbox, timers. */
export const ROLES = ['all', 'web', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export const DEFAULT_LEASE_MS = 15_000;
// Below this a lease would expire between two renewals on a busy machine; above it a dead worker's stream waits too long.
const LEASE_MS_RANGE = { min: 1_000, max: 600_000 };
/** Which proxies are trusted for the client's address and protocol: how many hops, or their addresses and subnets. */
export type TrustProxy = number | string[];

// A hundred years: anything longer is a typo for "keep everything" (leave it empty).
const MAX_RETENTION_DAYS = 36_500;

/** The shortest INGEST_TOKEN accepted (as SESSION_SECRET): a short bearer token is guessed. */
export const MIN_INGEST_TOKEN_LENGTH = 16;

/** A configuration problem, named by variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

const X_CREDENTIALS = ['X_APP_KEY', 'X_APP_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET'] as const;

/** Reads and validates the configuration; throws EnvError listing every problem. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const problems: string[] = [];
  const get = (name: string): string | undefined => {
    const value = source[name]?.trim();
    return value ? value : undefined;
  };
  const port = Number(get('PORT') ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be an integer from 0 to 65535, got "${get('PORT')}"`);
  const mongodbUri = get('MONGODB_URI');
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) problems.push('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const sessionSecret = get('SESSION_SECRET');
  if (mongodbUri && !sessionSecret) problems.push('SESSION_SECRET is required when MONGODB_URI is set');
  if (sessionSecret && sessionSecret.length < 16) problems.push('SESSION_SECRET must be at least 16 characters');
  const ingestToken = get('INGEST_TOKEN');
  if (ingestToken && ingestToken.length < MIN_INGEST_TOKEN_LENGTH) problems.push(`INGEST_TOKEN must be at least ${MIN_INGEST_TOKEN_LENGTH} characters`);
  const trustProxy = readTrustProxy(get('TRUST_PROXY'), problems);
  const xApiBaseUrl = get('X_API_BASE_URL') ?? 'https://api.x.com/2/';
  if (!/^https?:\/\/[^/]+/.test(xApiBaseUrl)) problems.push(`X_API_BASE_URL must be an http(s) URL, got "${xApiBaseUrl}"`);
  const credentialValues = X_CREDENTIALS.map(get);
  const someCredentials = credentialValues.some(Boolean);
  if (someCredentials && !credentialValues.every(Boolean)) {
    problems.push(`set all of ${X_CREDENTIALS.join(', ')} or none (missing: ${X_CREDENTIALS.filter((_, i) => !credentialValues[i]).join(', ')})`);
  }
  const xSimulator = readFlag(get('X_SIMULATOR'), !someCredentials, 'X_SIMULATOR', problems);
  const xAccountId = get('X_ACCOUNT_ID');
  if (xAccountId && !/^\d{1,19}$/.test(xAccountId)) problems.push('X_ACCOUNT_ID must be a numeric X user id');
  if (someCredentials && !xSimulator && !xAccountId) problems.push('X_ACCOUNT_ID is required with X credentials');
  const logLevel = get('LOG_LEVEL');
  if (logLevel && !['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${logLevel}"`);
  }
  // Demo users by default only on the embedded store: a MongoDB deployment creates its first admin with the users command (api.md).
  const demoUsers = readFlag(get('DEMO_USERS'), !mongodbUri, 'DEMO_USERS', problems);
  const role = (get('ROLE') ?? 'all') as Role;
  if (!ROLES.includes(role)) problems.push(`ROLE must be one of ${ROLES.join(', ')}, got "${role}"`);
  const redisUrl = get('REDIS_URL');
  if (redisUrl && !/^rediss?:\/\/[^/]/.test(redisUrl)) problems.push('REDIS_URL must start with redis:// or rediss://');
  problems.push(...severalProcessProblems(role, mongodbUri, redisUrl));
  const leaseMs = Number(get('LEASE_MS') ?? DEFAULT_LEASE_MS);
  const pollText = get('X_POLL_INTERVAL_MS');
  const xPollIntervalMs = pollText === undefined ? undefined : Number(pollText);
  if (xPollIntervalMs !== undefined && (!Number.isInteger(xPollIntervalMs) || xPollIntervalMs < 100)) problems.push(`X_POLL_INTERVAL_MS must be a whole number of milliseconds, at least 100, got "${pollText}"`);
  if (!Number.isInteger(leaseMs) || leaseMs < LEASE_MS_RANGE.min || leaseMs > LEASE_MS_RANGE.max) {
    problems.push(`LEASE_MS must be a whole number of milliseconds from ${LEASE_MS_RANGE.min} to ${LEASE_MS_RANGE.max}, got "${get('LEASE_MS')}"`);
  }
  const serveSourceMaps = readFlag(get('SERVE_SOURCE_MAPS'), false, 'SERVE_SOURCE_MAPS', problems);
  const targetsText = get('RESPONSE_TARGETS');
  const targets = targetsText === undefined ? { targets: DEFAULT_SLA } : parseResponseTargets(targetsText);
  if ('problems' in targets) problems.push(...targets.problems);
  const webhookKeyText = get('WEBHOOK_SECRET_KEY');
  const webhookSecretKey = webhookKeyText === undefined ? undefined : parseSecretKey(webhookKeyText);
  if (webhookKeyText !== undefined && !webhookSecretKey) problems.push('WEBHOOK_SECRET_KEY must be 32 bytes: 64 hex digits (openssl rand -hex 32) or base64');
  // Default: allowed only for a local trial (embedded store, loopback, no proxy in front: nobody but this machine's users reaches it); refused on anything else.
  const webhookAllowPrivate = readFlag(get('WEBHOOK_ALLOW_PRIVATE'), !mongodbUri && isLoopbackHost(get('HOST') ?? '127.0.0.1') && trustProxy === undefined, 'WEBHOOK_ALLOW_PRIVATE', problems);
  const retentionText = get('RETENTION_DAYS');
  const retentionDays = retentionText === undefined ? undefined : Number(retentionText);
  if (retentionDays !== undefined && (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS)) problems.push(`RETENTION_DAYS must be a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or empty to keep everything, got "${retentionText}"`);
  if (problems.length > 0 || 'problems' in targets) throw new EnvError(problems);
  const [appKey, appSecret, accessToken, accessSecret] = credentialValues as string[];
  return {
    port,
    host: get('HOST') ?? '127.0.0.1',
    mongodbUri,
    dataDir: get('DATA_DIR') ?? './data',
    sessionSecret: sessionSecret ?? randomBytes(32).toString('hex'),
    sessionSecretIsEphemeral: !sessionSecret,
    ingestToken,
    trustProxy,
    xApiBaseUrl,
    xAccountId,
    xCredentials: someCredentials ? { appKey: appKey!, appSecret: appSecret!, accessToken: accessToken!, accessSecret: accessSecret! } : undefined,
    xSimulator,
    rulesFile: get('RULES_FILE') ?? 'rules/default.rules.json',
    demoUsers,
    serveSourceMaps,
    responseTargets: targets.targets,
    webhookSecretKey,
    webhookAllowPrivate,
    retentionDays,
    role,
    redisUrl,
    leaseMs,
    xPollIntervalMs,
  };
}

/** ROLE=web or worker shares the work with other processes: only MongoDB and Redis can be shared (the embedded backend is one process's). */
function severalProcessProblems(role: Role, mongodbUri: string | undefined, redisUrl: string | undefined): string[] {
  if (role !== 'web' && role !== 'worker') return [];
  const problems: string[] = [];
  if (!mongodbUri) problems.push(`ROLE=${role} runs beside other processes, which the embedded backend cannot serve: set MONGODB_URI (and REDIS_URL), or ROLE=all for one process`);
  if (!redisUrl) problems.push(`ROLE=${role} shares live events, presence, login throttling and X rate windows with the other processes through Redis: set REDIS_URL, or ROLE=all for one process`);
  return problems;
}

/** Whether HOST binds loopback only. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readFlag(value: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  problems.push(`${name} must be 1 or 0, got "${value}"`);
  return fallback;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: unset or 0 = no proxy; a number = that many proxies in front
 * (1: one TLS-terminating proxy); else proxy addresses, subnets or
 * loopback/linklocal/uniquelocal, comma-separated. "true" (trust every hop) is
 * refused: any client could then claim any address.
 */
function readTrustProxy(value: string | undefined, problems: string[]): TrustProxy | undefined {
  if (value === undefined || value === '0') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const bad = entries.filter((entry) => !PROXY_NAMES.includes(entry) && !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(entry));
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY must be the number of proxies in front (e.g. 1) or their addresses/subnets (e.g. 10.0.0.0/8,loopback), got "${value}"`);
    return undefined;
  }
  return entries;
}
