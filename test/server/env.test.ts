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

  it('lists every problem at once', () => {
    expect(problemsOf({ PORT: 'x', RESPONSE_TARGETS: 'soon' })).toHaveLength(2);
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
