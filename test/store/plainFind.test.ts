/** The embedded backend's plain sorts and projections answer exactly as mingo's cursor does, and leave mingo whatever they cannot vouch for. */
import fc from 'fast-check';
import { Query } from 'mingo';
import { describe, expect, it } from 'vitest';
import { includedFields, pickFields, simpleSort } from '../../server/store/embedded/plainFind.js';
import type { Projection, SortSpec, StoredRecord } from '../../server/store/port.js';

const date = fc.constantFrom(new Date(0), new Date(1000), new Date(1000), new Date(-5));
const record = (kinds: { a: fc.Arbitrary<unknown>; b: fc.Arbitrary<unknown> }) => fc.record({ a: kinds.a, b: kinds.b, c: fc.oneof(fc.constant(undefined), fc.integer()) });
const kind = fc.constantFrom<fc.Arbitrary<unknown>>(fc.string({ maxLength: 2 }), fc.constantFrom('a', 'B', 'é', '', 'aa', '\u{1F600}', '\uFFFF'), fc.integer({ min: -2, max: 2 }), fc.constantFrom(0, -0, 1.5, -Infinity), date, fc.oneof(fc.integer({ min: 0, max: 1 }), fc.constant(null)));

describe('simpleSort', () => {
  it('orders as mingo orders, ties broken by _id', () => {
    let sorted = 0;
    fc.assert(
      fc.property(
        fc.tuple(kind, kind).chain(([a, b]) => fc.array(record({ a, b }), { maxLength: 12 })),
        fc.constantFrom<SortSpec>({ a: 1, _id: 1 }, { a: -1, _id: 1 }, { b: 1, a: -1, _id: 1 }, { _id: -1 }, { a: 1, b: 1, _id: -1 }),
        (partial, sort) => {
          const records: StoredRecord[] = partial.map((fields, index) => ({ ...fields, _id: `r${String(index).padStart(2, '0')}` }));
          const ours = simpleSort(records, sort);
          if (!ours) return;
          sorted++;
          const mingo = new Query({}, { scriptEnabled: false }).find<StoredRecord>(records).sort(sort).all();
          expect(ours.map((found) => found._id)).toEqual(mingo.map((found) => found._id));
        },
      ),
      { numRuns: 3000 },
    );
    expect(sorted).toBeGreaterThan(1000);
  });

  it('leaves missing values, nulls and mixed kinds to mingo', () => {
    expect(simpleSort([{ _id: 'a', n: 1 }, { _id: 'b' }], { n: 1 })).toBeUndefined();
    expect(simpleSort([{ _id: 'a', n: 1 }, { _id: 'b', n: null }], { n: 1 })).toBeUndefined();
    expect(simpleSort([{ _id: 'a', n: 1 }, { _id: 'b', n: '1' }], { n: 1 })).toBeUndefined();
    expect(simpleSort([{ _id: 'a', n: { x: 1 } }], { 'n.x': 1 })).toBeUndefined();
  });
});

describe('includedFields and pickFields', () => {
  it('project as mingo projects', () => {
    const value = fc.oneof(fc.constantFrom<unknown>(undefined, null, 0, '', 'x', [], [1, { k: 2 }], { q: 1 }, new Date(0)));
    const record = fc.record({ a: value, b: value, c: value }, { requiredKeys: [] }).map((fields): StoredRecord => ({ _id: 'r1', ...fields }));
    const projection = fc.subarray(['a', 'b', 'c', 'd', '_id'], { minLength: 1 }).map((fields) => Object.fromEntries(fields.map((field) => [field, 1 as const])) as Projection);
    fc.assert(
      fc.property(record, projection, (stored, spec) => {
        const fields = includedFields(spec)!;
        const [mingo] = new Query({}, { scriptEnabled: false }).find<StoredRecord>([stored], spec).all();
        expect(pickFields(stored, fields)).toStrictEqual(mingo);
      }),
      { numRuns: 2000 },
    );
  });

  it('leave exclusions, dotted paths and operators to mingo', () => {
    expect(includedFields({ a: 1, b: 1 })).toEqual(['a', 'b']);
    expect(includedFields({ a: 0 })).toBeUndefined();
    expect(includedFields({ _id: 0, a: 1 })).toBeUndefined();
    expect(includedFields({ 'a.b': 1 })).toBeUndefined();
  });
});
