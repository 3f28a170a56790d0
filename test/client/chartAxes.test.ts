import { describe, expect, it } from 'vitest';
import { fitLabel, labelsWidth, niceTicks, shortCount, shortMinutes } from '../../client/src/metrics/chartAxes.js';

describe('metrics chart axes', () => {
  it('picks round ticks from 0 up to at least the largest value', () => {
    expect(niceTicks(1.3)).toEqual([0, 0.5, 1, 1.5]);
    expect(niceTicks(207)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(97)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(0)).toEqual([0, 1]);
    for (const max of [0.3, 7, 42, 1234, 99_999]) expect(niceTicks(max).at(-1)).toBeGreaterThanOrEqual(max);
  });

  it('writes durations and counts short, and makes room for the longest label', () => {
    expect([0, 0.5, 1.2, 90, 150, 3000].map(shortMinutes)).toEqual(['0', '30s', '1.2m', '90m', '2.5h', '2.1d']);
    expect([12, 1234, 2_500_000].map(shortCount)).toEqual(['12', '1.2k', '2.5M']);
    // "1.2m" must get more room than "0": the cut-off ".2m" came from one fixed width for every label.
    expect(labelsWidth(['0', '1.2m'])).toBeGreaterThan(labelsWidth(['0']));
    expect(labelsWidth(['x'.repeat(500)], 180)).toBe(180);
  });

  it('shortens a label only when it does not fit, saying so with …', () => {
    expect(fitLabel('greetings v2', 200)).toBe('greetings v2');
    const cut = fitLabel('billing-private-refunds-and-chargebacks v12', 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(labelsWidth([cut])).toBeLessThanOrEqual(120);
  });
});
