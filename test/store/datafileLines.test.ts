/** Datafile lines are byte for byte what nedb's own serializer writes, and refuse what it refuses. */
import fc from 'fast-check';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { datafileLine } from '../../server/store/embedded/datafileLines.js';

const nedbModel = createRequire(import.meta.url)('@seald-io/nedb/lib/model.js') as { serialize(value: unknown): string };

const outcome = (serialize: () => string) => {
  try {
    return { line: serialize() };
  } catch (error) {
    return { error: (error as Error).message };
  }
};

const key = fc.oneof({ arbitrary: fc.string({ maxLength: 6 }), weight: 6 }, fc.constantFrom('$$date', '$$deleted', '$set', 'a.b', '__proto__', '$$indexCreated'));
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 5 }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constantFrom<unknown>(null, undefined, true, new Date(Date.UTC(2026, 10, 20, 14, 3)), new Date(-1)),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('datafileLine', () => {
  it('writes what nedb writes, and refuses what nedb refuses', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (record) => {
        expect(outcome(() => datafileLine(record))).toEqual(outcome(() => nedbModel.serialize(record)));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes a stored message as nedb does', () => {
    const at = new Date('2026-11-20T14:03:00Z');
    const record = { _id: 'm1', platform: 'x', externalId: '1', createdAt: at, author: { id: '7', handle: undefined }, attachments: [{ type: 'photo' }], decision: null, _rev: 0 };
    expect(datafileLine(record)).toBe(nedbModel.serialize(record));
    expect(datafileLine({ _id: 'm1', $$deleted: true })).toBe('{"_id":"m1","$$deleted":true}');
  });
});
