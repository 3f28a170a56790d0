import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA } from '../../server/cases/sla.js';
import { EnvError, readEnv } from '../../server/env.js';

const problemsOf = (source: Record<string, string>): string[] => {
  try {
    readEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
};

describe('readEnv', () => {
  it('reads RESPONSE_TARGETS over the defaults, tier by tier', () => {
    expect(readEnv({}).responseTargets).toEqual(DEFAULT_SLA);
    expect(readEnv({ RESPONSE_TARGETS: '1=15m/8h, 2=1h/3d' }).responseTargets).toEqual({
      0: DEFAULT_SLA[0],
      1: { firstResponseMinutes: 15, resolutionMinutes: 480 },
      2: { firstResponseMinutes: 60, resolutionMinutes: 4320 },
    });
  });

  it('names each bad RESPONSE_TARGETS item and what is wrong with it', () => {
    expect(problemsOf({ RESPONSE_TARGETS: '1=15m,3=1h/2h,2=0m/1h,1=2h/1h,1=1h/2h' })).toEqual([
      'RESPONSE_TARGETS item 1 ("1=15m") must look like TIER=FIRST/RESOLUTION, e.g. 1=60m/24h (tier 1 or 2; durations in m, h or d)',
      'RESPONSE_TARGETS item 2 ("3=1h/2h") must look like TIER=FIRST/RESOLUTION, e.g. 1=60m/24h (tier 1 or 2; durations in m, h or d)',
      'RESPONSE_TARGETS item 3 ("2=0m/1h"): durations are a whole number of m, h or d, greater than 0 (got "0m" and "1h")',
      'RESPONSE_TARGETS item 4 ("1=2h/1h"): the resolution target (1h) cannot come before the first-response target (2h)',
      'RESPONSE_TARGETS item 5 ("1=1h/2h") names tier 1 again',
    ]);
  });

  it('reads RETENTION_DAYS (unset: kept) and WEBHOOK_ALLOW_PRIVATE (default: only embedded, on loopback, without a proxy), refusing nonsense', () => {
    expect(readEnv({}).retentionDays).toBeUndefined();
    expect(readEnv({ RETENTION_DAYS: '90' }).retentionDays).toBe(90);
    expect(problemsOf({ RETENTION_DAYS: '0' })).toEqual(['RETENTION_DAYS must be a whole number of days from 1 to 36500, or empty to keep everything, got "0"']);
    expect(problemsOf({ RETENTION_DAYS: '30d' })).toHaveLength(1);
    expect(readEnv({}).webhookAllowPrivate).toBe(true);
    expect(readEnv({ WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate).toBe(false);
    expect(readEnv({ HOST: '0.0.0.0' }).webhookAllowPrivate).toBe(false);
    expect(readEnv({ TRUST_PROXY: '1' }).webhookAllowPrivate).toBe(false);
    expect(readEnv({ MONGODB_URI: 'mongodb://127.0.0.1:27017/care', SESSION_SECRET: 'a-long-enough-secret' }).webhookAllowPrivate).toBe(false);
    expect(readEnv({ HOST: '0.0.0.0', WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
  });

  it('creates demo users by default on the embedded store only (api.md: 0 by default on MongoDB)', () => {
    expect(readEnv({}).demoUsers).toBe(true);
    expect(readEnv({ MONGODB_URI: 'mongodb://127.0.0.1:27017/care', SESSION_SECRET: 'a-long-enough-secret' }).demoUsers).toBe(false);
    expect(readEnv({ MONGODB_URI: 'mongodb://127.0.0.1:27017/care', SESSION_SECRET: 'a-long-enough-secret', DEMO_USERS: '1' }).demoUsers).toBe(true);
    expect(readEnv({ DEMO_USERS: '0' }).demoUsers).toBe(false);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: 'x', RESPONSE_TARGETS: 'soon' })).toHaveLength(2);
  });
});

describe('readEnv: ROLE, REDIS_URL, LEASE_MS', () => {
  const shared = { MONGODB_URI: 'mongodb://127.0.0.1:27017/care', SESSION_SECRET: 'a-secret-of-enough-length', REDIS_URL: 'redis://127.0.0.1:6380' };

  it('defaults to one process doing everything with a 15 s lease', () => {
    const env = readEnv({});
    expect([env.role, env.redisUrl, env.leaseMs]).toEqual(['all', undefined, 15_000]);
  });

  it('reads web and worker roles with MongoDB and Redis', () => {
    expect(readEnv({ ...shared, ROLE: 'web' })).toMatchObject({ role: 'web', redisUrl: 'redis://127.0.0.1:6380' });
    expect(readEnv({ ...shared, ROLE: 'worker', LEASE_MS: '5000' })).toMatchObject({ role: 'worker', leaseMs: 5000 });
  });

  it('refuses web or worker on the embedded backend, saying what to set', () => {
    expect(problemsOf({ ROLE: 'worker', REDIS_URL: shared.REDIS_URL })).toEqual([
      'ROLE=worker runs beside other processes, which the embedded backend cannot serve: set MONGODB_URI (and REDIS_URL), or ROLE=all for one process',
    ]);
  });

  it('refuses web or worker without Redis, saying what to set', () => {
    expect(problemsOf({ ...shared, REDIS_URL: '', ROLE: 'web' })).toEqual([
      'ROLE=web shares live events, presence, login throttling and X rate windows with the other processes through Redis: set REDIS_URL, or ROLE=all for one process',
    ]);
  });

  it('names an unknown role, a URL that is not Redis and a lease out of range', () => {
    expect(problemsOf({ ROLE: 'api', REDIS_URL: 'http://x', LEASE_MS: '200' })).toEqual([
      'ROLE must be one of all, web, worker, got "api"',
      'REDIS_URL must start with redis:// or rediss://',
      'LEASE_MS must be a whole number of milliseconds from 1000 to 600000, got "200"',
    ]);
  });
});

describe('.env.example', () => {
  it('lists exactly the variables server/env.ts reads', () => {
    const example = new Set([...readFileSync('.env.example', 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]));
    const read = new Set([...readFileSync('server/env.ts', 'utf8').matchAll(/\bget\('([A-Z_]+)'\)/g)].map((match) => match[1]));
    for (const name of ['X_APP_KEY', 'X_APP_SECRET', 'X_ACCESS_TOKEN', 'X_ACCESS_SECRET']) read.add(name); // read through X_CREDENTIALS
    expect([...example].sort()).toEqual([...read].sort());
  });
});
