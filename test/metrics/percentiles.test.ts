import { describe, expect, it } from 'vitest';
import { nearestRank } from '../../server/metrics/percentiles.js';

describe('nearestRank', () => {
  it('takes the smallest value with at least p of the values at or below it, in numeric order', () => {
    const values = [90, 30, 600, 60, 120, 5, 15, 10, 1000, 45];
    expect(nearestRank(values, 0)).toBe(5);
    expect(nearestRank(values, 0.5)).toBe(45);
    expect(nearestRank(values, 0.9)).toBe(600);
    expect(nearestRank(values, 1)).toBe(1000);
    expect(nearestRank([7], 0.9)).toBe(7);
  });

  it('has no percentile without values', () => {
    expect(nearestRank([], 0.5)).toBeNull();
  });
});
