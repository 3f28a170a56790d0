/** The direct $set / $inc / $unset path changes a record exactly as mingo's update does, and leaves everything else to mingo. */
import fc from 'fast-check';
import { update as mingoUpdate } from 'mingo';
import { describe, expect, it } from 'vitest';
import { applySimpleUpdate } from '../../server/store/simpleUpdate.js';

const fields = ['status', 'count', 'at', 'tags', 'note'] as const;
const value = fc.oneof(
  fc.constantFrom<unknown>(null, undefined, 0, -0, 1, Number.NaN, Infinity, '', 'open', true, false, ['a'], { a: 1 }, { a: 1, b: [2] }, { b: [2], a: 1 }, [], {}, [{ at: new Date(Date.UTC(2026, 0, 1)) }], [{ at: new Date(Date.UTC(2026, 0, 1)) }], [undefined], { a: undefined }, [new Date(Number.NaN)]),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('new', 'open'),
  fc.constantFrom(new Date(Date.UTC(2026, 0, 1)), new Date(Date.UTC(2026, 0, 2))),
);
const record = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 5 });
const update = fc.record(
  {
    $set: fc.dictionary(fc.constantFrom(...fields), value, { minKeys: 1, maxKeys: 3 }),
    $inc: fc.dictionary(fc.constantFrom(...fields), fc.oneof(fc.integer({ min: -2, max: 2 }), fc.constant(0.5)), { minKeys: 1, maxKeys: 2 }),
    $unset: fc.dictionary(fc.constantFrom(...fields), fc.constant(''), { minKeys: 1, maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

describe('applySimpleUpdate', () => {
  it('changes a record, and reports the changed paths, exactly as mingo does', () => {
    let direct = 0;
    fc.assert(
      fc.property(record, update, (start, modifier) => {
        const viaMingo: Record<string, unknown> = structuredClone(start);
        let mingoChanged: string[] | Error;
        try {
          mingoChanged = mingoUpdate(viaMingo, modifier, undefined, undefined, { cloneMode: 'deep', queryOptions: { scriptEnabled: false } });
        } catch (error) {
          mingoChanged = error as Error;
        }
        const viaDirect: Record<string, unknown> = structuredClone(start);
        const changed = applySimpleUpdate(viaDirect, modifier);
        if (!changed) return;
        direct++;
        expect(changed).toEqual(mingoChanged);
        expect(viaDirect).toStrictEqual(viaMingo);
      }),
      { numRuns: 2000 },
    );
    expect(direct).toBeGreaterThan(500);
  });

  it('leaves dotted paths, other operators, values that are not plain data and a path under two operators to mingo', () => {
    expect(applySimpleUpdate({}, { $set: { 'customer.name': 'x' } })).toBeUndefined();
    expect(applySimpleUpdate({}, { $push: { tags: 'x' } })).toBeUndefined();
    expect(applySimpleUpdate({}, { $set: { tags: ['x', undefined] } })).toBeUndefined();
    expect(applySimpleUpdate({}, { $set: { pattern: /x/ } })).toBeUndefined();
    expect(applySimpleUpdate({}, { $set: { tags: ['x'] } })).toEqual(['tags']);
    expect(applySimpleUpdate({}, { $set: { status: 'open' }, $unset: { status: '' } })).toBeUndefined();
    expect(applySimpleUpdate({ status: 'new' }, { $set: { status: 'open' }, $inc: { n: 1 } })).toEqual(['n', 'status']);
  });
});
