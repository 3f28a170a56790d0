/** What the store accepts in filters and pipelines, and plainValue for values that come from requests. */
import { describe, expect, it } from 'vitest';
import { assertSafeFilter, assertSafePipeline, plainString, plainValue } from '../../server/store/filters.js';
import { UnsafeQueryError } from '../../server/store/index.js';

describe('plainValue', () => {
  it('passes primitives and Dates through', () => {
    const date = new Date();
    expect([plainValue('a'), plainValue(1), plainValue(false), plainValue(null), plainValue(date)]).toEqual(['a', 1, false, null, date]);
    expect(plainString('ana')).toBe('ana');
  });

  it('refuses objects, arrays and odd numbers, naming what it got', () => {
    expect(() => plainValue({ $ne: null }, 'username')).toThrow(/username must be .* got an object with keys \["\$ne"\]/);
    expect(() => plainValue(['a'])).toThrow(UnsafeQueryError);
    expect(() => plainValue(Number.NaN)).toThrow(UnsafeQueryError);
    expect(() => plainValue(undefined)).toThrow(UnsafeQueryError);
    expect(() => plainString(1, 'id')).toThrow(/id must be a string/);
  });
});

describe('assertSafeFilter', () => {
  it.each([
    [{}],
    [{ team: 'care', status: { $in: ['new', 'open'] } }],
    [{ $or: [{ a: 1 }, { b: { $exists: false } }], 'customer.id': '42' }],
    [{ tags: { $elemMatch: { $eq: 'x' } }, items: { $elemMatch: { kind: 'a', n: { $gt: 1 } } } }],
    [{ name: { $regex: '^a', $options: 'i' }, n: { $not: { $gt: 3 } } }],
    [{ customer: { id: '42', handle: 'jane' } }],
  ])('accepts %j', (filter) => {
    expect(() => assertSafeFilter(filter)).not.toThrow();
  });

  it.each([
    [{ $where: 'sleep(1000)' }, /\$where is not allowed at the top level/],
    [{ $expr: { $eq: ['$a', '$b'] } }, /\$expr/],
    [{ name: { $function: { body: '' } } }, /operator \$function is not allowed/],
    [{ name: { $eq: 'a', other: 1 } }, /mixes operators and fields/],
    [{ name: { $in: [{ $gt: '' }] } }, /unexpected operator \$gt inside a value/],
    [{ customer: { id: { $ne: null } } }, /unexpected operator \$ne inside a value/],
    [{ $or: [] }, /non-empty array/],
    [{ $and: [{ a: { $where: 'x' } }] }, /\$where is not allowed/],
  ])('refuses %j', (filter, message) => {
    expect(() => assertSafeFilter(filter as Record<string, unknown>)).toThrow(message);
  });
});

describe('assertSafePipeline', () => {
  it('accepts read-only stages, checking $match inside', () => {
    expect(() => assertSafePipeline([{ $match: { a: 1 } }, { $unwind: '$tags' }, { $group: { _id: '$a', n: { $sum: 1 } } }, { $sort: { n: -1 } }, { $count: 'n' }])).not.toThrow();
    expect(() => assertSafePipeline([{ $match: { $where: '1' } }])).toThrow(UnsafeQueryError);
  });

  it('refuses the stages and operators that not every MongoDB-protocol server runs (FerretDB v1)', () => {
    expect(() => assertSafePipeline([{ $facet: { x: [{ $count: 'n' }] } }])).toThrow(/stage \$facet is not allowed/);
    expect(() => assertSafePipeline([{ $group: { _id: null, p: { $percentile: { input: '$a', p: [0.5], method: 'approximate' } } } }])).toThrow(/pipeline\[0\]\.\$group\.p: operator \$percentile is not allowed/);
    expect(() => assertSafePipeline([{ $project: { m: { $divide: ['$a', 2] } } }])).toThrow(/operator \$divide is not allowed/);
  });

  it('refuses writing and cross-collection stages, and script operators anywhere', () => {
    for (const stage of [{ $merge: 'x' }, { $lookup: { from: 'users' } }, { $unionWith: 'users' }, { $match: {}, $limit: 1 }]) {
      expect(() => assertSafePipeline([stage])).toThrow(UnsafeQueryError);
    }
    expect(() => assertSafePipeline([{ $project: { x: { $function: { body: 'return 1', args: [], lang: 'js' } } } }])).toThrow(/\$function \(runs JavaScript\)/);
  });
});
