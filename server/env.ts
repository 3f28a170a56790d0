import { randomBytes } from 'node:crypto';
import { parseResponseTargets, type ResponseTargets } from './cases/responseTargets.js';
import { DEFAULT_SLA } from './cases/sla.js';

/** The server's configuration, read from the environment (api.md "Configuration"; .env.example lists the same variables). */
export interface Env {
  port: number;
  host: string;
  mongodbUri?: string;
  dataDir: string;
  sessionSecret: string;
  sessionSecretIsEphemeral: boolean;
  ingestToken?: string;
  xApiBaseUrl: string;
  xAccountId?: string;
  xCredentials?: { appKey: string; appSecret: string; accessToken: string; accessSecret: string };
  xSimulator: boolean;
  rulesFile: string;
  demoUsers: boolean;
  /** Each tier's first-response and resolution targets (RESPONSE_TARGETS over the defaults). */
  responseTargets: ResponseTargets;
}

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
  const demoUsers = readFlag(get('DEMO_USERS'), true, 'DEMO_USERS', problems);
  const targetsText = get('RESPONSE_TARGETS');
  const targets = targetsText === undefined ? { targets: DEFAULT_SLA } : parseResponseTargets(targetsText);
  if ('problems' in targets) problems.push(...targets.problems);
  if (problems.length > 0 || 'problems' in targets) throw new EnvError(problems);
  const [appKey, appSecret, accessToken, accessSecret] = credentialValues as string[];
  return {
    port,
    host: get('HOST') ?? '127.0.0.1',
    mongodbUri,
    dataDir: get('DATA_DIR') ?? './data',
    sessionSecret: sessionSecret ?? randomBytes(32).toString('hex'),
    sessionSecretIsEphemeral: !sessionSecret,
    ingestToken: get('INGEST_TOKEN'),
    xApiBaseUrl,
    xAccountId,
    xCredentials: someCredentials ? { appKey: appKey!, appSecret: appSecret!, accessToken: accessToken!, accessSecret: accessSecret! } : undefined,
    xSimulator,
    rulesFile: get('RULES_FILE') ?? 'rules/default.rules.json',
    demoUsers,
    responseTargets: targets.targets,
  };
}

function readFlag(value: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (value === undefined) return fallback;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  problems.push(`${name} must be 1 or 0, got "${value}"`);
  return fallback;
}
