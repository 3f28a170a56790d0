/** The embedded backend's fixes to mingo, so pipelines answer as on MongoDB. */
import { describe, expect, it } from 'vitest';
import { discretePercentiles, runPipeline } from '../../server/store/embedded/mingoContext.js';

describe('embedded pipeline operators', () => {
  it('computes discrete percentiles over numbers sorted as numbers', () => {
    expect(discretePercentiles([5, 15, 10, 100, 'x', null], [0, 0.25, 0.5, 0.9, 1])).toEqual([5, 5, 10, 100, 100]);
    expect(discretePercentiles([], [0.5])).toEqual([null]);
    expect(() => discretePercentiles([1], [1.5])).toThrow(/between 0 and 1/);
  });

  it('uses them for $percentile and $median, as accumulators and as expressions', () => {
    const rows = [{ v: 5 }, { v: 15 }, { v: 10 }, { v: 100 }];
    expect(runPipeline([{ $group: { _id: null, p: { $percentile: { input: '$v', p: [0.5, 0.75], method: 'approximate' } }, m: { $median: { input: '$v', method: 'approximate' } } } }], rows)).toEqual([
      { _id: null, p: [10, 15], m: 10 },
    ]);
    expect(runPipeline([{ $project: { _id: 0, p: { $percentile: { input: '$vs', p: [1], method: 'approximate' } } } }], [{ vs: [3, 20, 100] }])).toEqual([{ p: [100] }]);
  });

  it('$count over no documents yields no document, as MongoDB does', () => {
    expect(runPipeline([{ $count: 'n' }], [])).toEqual([]);
    expect(runPipeline([{ $count: 'n' }], [{}, {}])).toEqual([{ n: 2 }]);
  });

  it('does not change the records it reads', () => {
    const records = [{ a: 1, tags: ['x'] }];
    runPipeline([{ $set: { a: 2 } }, { $unwind: '$tags' }], records);
    expect(records).toEqual([{ a: 1, tags: ['x'] }]);
  });
});
