import { describe, expect, it } from 'vitest';
import { countRows, presetRange, rangeOf, tierLabel, timeRows } from '../../client/src/metrics/chartRows.js';

describe('metrics chart rows', () => {
  it('orders counts by key and names tiers', () => {
    expect(countRows({ 2: 1, 0: 4, 1: 7 }, tierLabel)).toEqual([
      { name: 'Tier 0 (bot)', value: 4 },
      { name: 'Tier 1 (agent)', value: 7 },
      { name: 'Tier 2 (private)', value: 1 },
    ]);
    expect(countRows({ social: 2, care: 3 })).toEqual([{ name: 'care', value: 3 }, { name: 'social', value: 2 }]);
  });

  it('turns p50/p90 milliseconds into minutes, keeping unknowns unknown', () => {
    expect(timeRows({ care: { count: 3, p50Ms: 90_000, p90Ms: 600_000 }, social: { count: 0, p50Ms: null, p90Ms: null } })).toEqual([
      { name: 'care', cases: 3, p50: 1.5, p90: 10 },
      { name: 'social', cases: 0, p50: null, p90: null },
    ]);
  });

  it('turns a period choice into [from, to)', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(presetRange('24h', now)).toEqual({ from: '2026-03-09T12:00:00.000Z', to: null });
    expect(presetRange('all', now)).toEqual({ from: null, to: null });
    const custom = rangeOf({ preset: 'custom', from: '2026-03-01', to: '2026-03-02' }, now);
    // Two whole local days, whatever the time zone.
    expect(Date.parse(custom.to!) - Date.parse(custom.from!)).toBeGreaterThanOrEqual(47 * 3_600_000);
    expect(new Date(custom.from!).getDate()).toBe(1);
  });
});
