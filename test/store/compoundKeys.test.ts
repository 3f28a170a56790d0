/** The compound-key comparison given to nedb's unique indexes orders and equates keys exactly as nedb's compareThings does. */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compoundKeyComparison } from '../../server/store/embedded/openNedbCollection.js';

const { compareThings } = createRequire(import.meta.url)('@seald-io/nedb/lib/model.js') as { compareThings(a: unknown, b: unknown): number };
const value = fc.oneof(fc.constantFrom<unknown>(undefined, null, true, false, 0, -0, 1, '', 'a', 'B', new Date(0), new Date(5)), fc.string({ maxLength: 3 }), fc.integer({ min: -3, max: 3 }), fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }));

describe('compoundKeyComparison', () => {
  it('compares keys as compareThings does', () => {
    const fields = ['platform', 'externalId', 'seq'];
    const key = fc.tuple(value, value, value).map(([platform, externalId, seq]) => ({ externalId, platform, seq }));
    const compare = compoundKeyComparison(fields);
    fc.assert(
      fc.property(key, key, (a, b) => {
        expect(Math.sign(compare(a, b))).toBe(Math.sign(compareThings(a, b)));
      }),
      { numRuns: 5000 },
    );
  });
});
