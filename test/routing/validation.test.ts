/**
 * Validation of routing.md §4 (rule sets) and §1 (messages): every error names
 * the JSON Pointer of the offending value, and all errors are reported at once.
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { validateMessage, validateRuleSet, type PointedError } from '../../server/routing/index.js';

type Json = Record<string, unknown>;

const THEN = { tier: 1, team: 't' };
const FALLBACK = { tier: 1, team: 'care' };
const L = (field: string, op: string, value: unknown, flags?: string): Json =>
  flags === undefined ? { field, op, value } : { field, op, value, flags };
/** A rule set with one rule `a` whose condition is `when`. */
const one = (when: unknown, extra: Json = {}): Json => ({ rules: [{ id: 'a', when, then: THEN, ...extra }], fallback: FALLBACK });

function errorsOf(input: unknown): PointedError[] {
  const result = validateRuleSet(input);
  expect(result.ok).toBe(false);
  if (result.ok) return [];
  for (const error of result.errors) {
    expect(typeof error.pointer).toBe('string');
    expect(typeof error.message).toBe('string');
    expect(error.message.trim().length).toBeGreaterThan(0);
  }
  return result.errors;
}
const pointersOf = (input: unknown) => errorsOf(input).map((e) => e.pointer).sort();

function expectValid(input: unknown): void {
  const result = validateRuleSet(input);
  if (!result.ok) expect.fail(`expected valid, got ${JSON.stringify(result.errors)}`);
}

describe('valid rule sets', () => {
  it('accepts the spec example and returns it', () => {
    const set = {
      name: 'Acme social care',
      rules: [{
        id: 'billing-private', name: 'Billing', enabled: true,
        when: { any: [L('text', 'containsAny', ['refund', 'charged twice', 'invoice']), L('detected', 'containsAny', ['card'])] },
        then: { tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'], reply: { text: 'Hi @{{author.handle}}' } },
      }],
      fallback: { tier: 1, team: 'care' },
    };
    const result = validateRuleSet(set);
    expect(result).toEqual({ ok: true, ruleSet: set });
  });

  it('accepts an empty rule list, empty tags and every tier and priority', () => {
    expectValid({ rules: [], fallback: { tier: 0, team: 'bot', tags: [] } });
    for (const tier of [0, 1, 2]) for (const priority of ['low', 'normal', 'high', 'urgent']) {
      expectValid({ rules: [], fallback: { tier, team: 'x', priority } });
    }
  });

  it('accepts ids at the pattern limits', () => {
    expectValid(one({ all: [] }, { id: '0' }));
    expectValid(one({ all: [] }, { id: 'a'.repeat(64) }));
    expectValid(one({ all: [] }, { id: 'a_b-c9' }));
  });
});

describe('schema errors', () => {
  it.each([
    ['missing fallback', { rules: [] }, ['/fallback']],
    ['missing rules', { fallback: FALLBACK }, ['/rules']],
    ['tier 3', { rules: [], fallback: { tier: 3, team: 'care' } }, ['/fallback/tier']],
    ['tier as a string', { rules: [], fallback: { tier: '1', team: 'care' } }, ['/fallback/tier']],
    ['bad tier in a rule', { rules: [{ id: 'a', when: { all: [] }, then: { tier: -1, team: 't' } }], fallback: FALLBACK }, ['/rules/0/then/tier']],
    ['bad priority', { rules: [{ id: 'a', when: { all: [] }, then: { tier: 1, team: 't', priority: 'asap' } }], fallback: FALLBACK }, ['/rules/0/then/priority']],
    ['bad fallback priority', { rules: [], fallback: { tier: 1, team: 't', priority: 'High' } }, ['/fallback/priority']],
    ['empty team', { rules: [], fallback: { tier: 1, team: '' } }, ['/fallback/team']],
    ['missing team', { rules: [], fallback: { tier: 1 } }, ['/fallback/team']],
    ['empty tag', { rules: [], fallback: { tier: 1, team: 't', tags: ['ok', ''] } }, ['/fallback/tags/1']],
    ['reply without text', { rules: [], fallback: { tier: 1, team: 't', reply: {} } }, ['/fallback/reply/text']],
    ['id with upper case and a space', one({ all: [] }, { id: 'Bad Id' }), ['/rules/0/id']],
    ['id starting with a dash', one({ all: [] }, { id: '-a' }), ['/rules/0/id']],
    ['id of 65 characters', one({ all: [] }, { id: 'a'.repeat(65) }), ['/rules/0/id']],
    ['empty id', one({ all: [] }, { id: '' }), ['/rules/0/id']],
    ['extra top-level property', { rules: [], fallback: FALLBACK, version: 2 }, ['/version']],
    ['extra rule property', one({ all: [] }, { colour: 'red' }), ['/rules/0/colour']],
    ['extra decision property', { rules: [{ id: 'a', when: { all: [] }, then: { tier: 1, team: 't', sla: 5 } }], fallback: FALLBACK }, ['/rules/0/then/sla']],
    ['extra leaf property', one({ ...L('channel', 'eq', 'dm'), note: 'x' }), ['/rules/0/when/note']],
    ['enabled not a boolean', one({ all: [] }, { enabled: 'yes' }), ['/rules/0/enabled']],
    ['missing when', { rules: [{ id: 'a', then: THEN }], fallback: FALLBACK }, ['/rules/0/when']],
    ['missing then', { rules: [{ id: 'a', when: { all: [] } }], fallback: FALLBACK }, ['/rules/0/then']],
    ['unknown field', one(L('author.karma', 'eq', 1)), ['/rules/0/when/field']],
    ['unknown op', one(L('channel', 'like', 'dm')), ['/rules/0/when/op']],
    ['missing value', one({ field: 'channel', op: 'eq' }), ['/rules/0/when/value']],
    ['all not an array', one({ all: {} }), ['/rules/0/when/all']],
    ['nested unknown field', one({ any: [L('channel', 'eq', 'dm'), { not: L('nope', 'eq', 1) }] }), ['/rules/0/when/any/1/not/field']],
    ['name not a string', { name: 5, rules: [], fallback: FALLBACK }, ['/name']],
    ['rules not an array', { rules: {}, fallback: FALLBACK }, ['/rules']],
    ['a rule that is not an object', { rules: [5], fallback: FALLBACK }, ['/rules/0']],
    ['when not an object', one(5), ['/rules/0/when']],
    ['tags not an array', { rules: [], fallback: { tier: 1, team: 't', tags: 'x' } }, ['/fallback/tags']],
    ['flags not a string', one(L('text', 'matches', 'a', 5 as unknown as string)), ['/rules/0/when/flags']],
  ] as Array<[string, unknown, string[]]>)('%s', (_label, input, expected) => {
    expect(pointersOf(input)).toEqual(expected);
  });

  it.each([[42], [null], ['rules'], [[]]])('rejects a non-object rule set %j at the root pointer', (input) => {
    expect(pointersOf(input)).toEqual(['']);
  });
});

describe('disabled rules', () => {
  it('are validated like enabled ones', () => {
    expect(pointersOf(one(L('text', 'matches', '('), { enabled: false }))).toEqual(['/rules/0/when/value']);
  });
});

describe('duplicate ids', () => {
  it('names the second occurrence', () => {
    const set = { rules: ['a', 'b', 'a'].map((id) => ({ id, when: { all: [] }, then: THEN })), fallback: FALLBACK };
    expect(pointersOf(set)).toEqual(['/rules/2/id']);
  });

  it('names every later occurrence', () => {
    const set = { rules: ['x', 'y', 'x', 'y', 'x'].map((id) => ({ id, when: { all: [] }, then: THEN })), fallback: FALLBACK };
    expect(pointersOf(set)).toEqual(['/rules/2/id', '/rules/3/id', '/rules/4/id']);
  });
});

describe('operators allowed on each field (spec §3 op table)', () => {
  const FIELDS: Record<string, 'string' | 'number' | 'boolean' | 'array' | 'instant'> = {
    text: 'string', channel: 'string', platform: 'string', lang: 'string', 'author.handle': 'string',
    'author.followers': 'number', 'attachments.count': 'number',
    'author.verified': 'boolean', 'customer.vip': 'boolean',
    'customer.tags': 'array', detected: 'array',
    createdAt: 'instant',
  };
  const allowed = (op: string, field: string): boolean => {
    const type = FIELDS[field]!;
    switch (op) {
      case 'eq': case 'neq': return type === 'string' || type === 'number' || type === 'boolean';
      case 'in': case 'matches': return type === 'string';
      case 'gt': case 'gte': case 'lt': case 'lte': case 'between': return type === 'number';
      case 'exists': return field !== 'text' && field !== 'createdAt';
      case 'containsAny': case 'containsAll': return field === 'text' || type === 'array';
      case 'within': return field === 'createdAt';
      default: throw new Error(op);
    }
  };
  const valueFor = (op: string, field: string): unknown => {
    const type = FIELDS[field]!;
    switch (op) {
      case 'eq': case 'neq': return type === 'number' ? 1 : type === 'boolean' ? true : 'x';
      case 'in': return ['x'];
      case 'gt': case 'gte': case 'lt': case 'lte': return 1;
      case 'between': return [1, 2];
      case 'exists': return true;
      case 'containsAny': case 'containsAll': return field === 'detected' ? ['card'] : ['gold'];
      case 'matches': return 'a';
      case 'within': return { tz: 'UTC', days: ['mon'], from: '09:00', to: '10:00' };
      default: throw new Error(op);
    }
  };
  const OPS = ['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte', 'between', 'exists', 'containsAny', 'containsAll', 'matches', 'within'];
  const rows = OPS.flatMap((op) => Object.keys(FIELDS).map((field) => [op, field, allowed(op, field)] as const));

  it.each(rows)('%s on %s allowed: %s', (op, field, ok) => {
    // Put the leaf somewhere nested so that the pointer must follow the path.
    const leafPath = '/rules/1/when/all/1/not';
    const set = {
      rules: [
        { id: 'first', when: { all: [] }, then: THEN },
        { id: 'second', when: { all: [L('channel', 'eq', 'dm'), { not: L(field, op, valueFor(op, field)) }] }, then: THEN },
      ],
      fallback: FALLBACK,
    };
    if (ok) {
      expectValid(set);
    } else {
      const errors = errorsOf(set);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.pointer.startsWith(`${leafPath}/`) || errors[0]!.pointer === leafPath).toBe(true);
    }
  });
});

describe('values of the wrong type or shape', () => {
  it.each([
    ['eq number field with a string', L('author.followers', 'eq', '1000'), '/rules/0/when/value'],
    ['eq boolean field with a string', L('customer.vip', 'eq', 'true'), '/rules/0/when/value'],
    ['eq string field with a number', L('channel', 'eq', 1), '/rules/0/when/value'],
    ['neq string field with a boolean', L('lang', 'neq', true), '/rules/0/when/value'],
    ['eq with null', L('platform', 'eq', null), '/rules/0/when/value'],
    ['gt with a string', L('author.followers', 'gt', '5'), '/rules/0/when/value'],
    ['lte with an array', L('attachments.count', 'lte', [1]), '/rules/0/when/value'],
    ['exists with a string', L('lang', 'exists', 'yes'), '/rules/0/when/value'],
    ['in with a string', L('channel', 'in', 'dm'), '/rules/0/when/value'],
    ['in with a non-string item', L('channel', 'in', ['dm', 3]), '/rules/0/when/value/1'],
    ['between with one number', L('author.followers', 'between', 5), '/rules/0/when/value'],
    ['between with three numbers', L('author.followers', 'between', [1, 2, 3]), '/rules/0/when/value'],
    ['between with a string bound', L('author.followers', 'between', [1, 'x']), '/rules/0/when/value/1'],
    ['containsAny on text with a string', L('text', 'containsAny', 'refund'), '/rules/0/when/value'],
    ['containsAll on tags with a number item', L('customer.tags', 'containsAll', ['gold', 1]), '/rules/0/when/value/1'],
    ['matches with a number', L('text', 'matches', 5), '/rules/0/when/value'],
    ['within with a string', L('createdAt', 'within', 'weekdays'), '/rules/0/when/value'],
  ] as Array<[string, unknown, string]>)('%s', (_label, when, pointer) => {
    expect(pointersOf(one(when))).toEqual([pointer]);
  });

  it('points into nested conditions', () => {
    const when = { any: [L('channel', 'eq', 'dm'), { all: [{ not: L('author.followers', 'gt', 'x') }] }] };
    expect(pointersOf(one(when))).toEqual(['/rules/0/when/any/1/all/0/not/value']);
  });
});

describe('empty arrays where a non-empty one is required', () => {
  it.each([
    ['in', L('channel', 'in', []), '/rules/0/when/value'],
    ['containsAny on text', L('text', 'containsAny', []), '/rules/0/when/value'],
    ['containsAll on text', L('text', 'containsAll', []), '/rules/0/when/value'],
    ['containsAny on customer.tags', L('customer.tags', 'containsAny', []), '/rules/0/when/value'],
    ['containsAll on detected', L('detected', 'containsAll', []), '/rules/0/when/value'],
    ['within days', L('createdAt', 'within', { tz: 'UTC', days: [], from: '09:00', to: '10:00' }), '/rules/0/when/value/days'],
  ] as Array<[string, unknown, string]>)('%s', (_label, when, pointer) => {
    expect(pointersOf(one(when))).toEqual([pointer]);
  });
});

describe('regular expressions', () => {
  it.each([
    ['unterminated group', '(', ''],
    ['bad quantifier', '*a', ''],
    ['unknown property escape with u', '\\p{Nope}', 'u'],
    ['out-of-order quantifier', 'a{2,1}', ''],
  ])('rejects a non-compilable regex: %s', (_label, source, flags) => {
    expect(pointersOf(one(L('text', 'matches', source, flags || undefined)))).toEqual(['/rules/0/when/value']);
  });

  it('judges compilability with the given flags', () => {
    expectValid(one(L('text', 'matches', '\\p{Nope}')));
  });

  it.each([['(a+)+$'], ['(a*)*b'], ['(x+x+)+y'], ['^(\\w+\\s?)*$'], ['(a|a)*$']])(
    'rejects catastrophic backtracking in %j',
    (source) => {
      const errors = errorsOf(one({ any: [L('channel', 'eq', 'dm'), L('text', 'matches', source)] }));
      expect(errors.map((e) => e.pointer)).toEqual(['/rules/0/when/any/1/value']);
    },
  );

  it('rejects catastrophic backtracking on other string fields too', () => {
    expect(pointersOf(one(L('author.handle', 'matches', '^(a+)+$', 'i')))).toEqual(['/rules/0/when/value']);
  });

  it.each([
    ['order \\d{6}', ''],
    ['\\b(?:refund|invoice)\\b', 'i'],
    ['^a.*b$', 's'],
    ['^\\p{L}+$', 'u'],
    ['^b', 'ims'],
    ['^b', 'imsu'],
  ])('accepts the safe regex %j with flags %j', (source, flags) => {
    expectValid(one(L('text', 'matches', source, flags)));
  });

  it.each([['g'], ['y'], ['x'], ['I'], ['d']])('rejects the flag %j', (flags) => {
    expect(pointersOf(one(L('text', 'matches', 'a', flags)))).toEqual(['/rules/0/when/flags']);
  });

  it.each([['ii'], ['imi'], ['uu']])('rejects the repeated flags %j', (flags) => {
    expect(pointersOf(one(L('text', 'matches', 'a', flags)))).toEqual(['/rules/0/when/flags']);
  });
});

describe('within', () => {
  const W = (value: Json) => one(L('createdAt', 'within', { tz: 'UTC', days: ['mon'], from: '09:00', to: '10:00', ...value }));

  it.each([['Mars/Olympus'], ['Europe/Pariss'], [''], ['Not a zone']])('rejects the zone %j at /value/tz', (tz) => {
    expect(pointersOf(W({ tz }))).toEqual(['/rules/0/when/value/tz']);
  });

  it('rejects a missing zone at /value/tz', () => {
    expect(pointersOf(one(L('createdAt', 'within', { days: ['mon'], from: '09:00', to: '10:00' })))).toEqual([
      '/rules/0/when/value/tz',
    ]);
  });

  it.each([['Europe/Paris'], ['America/New_York'], ['Asia/Tokyo'], ['UTC']])('accepts the zone %j', (tz) => {
    expectValid(W({ tz }));
  });

  it.each([
    ['from after to', { from: '10:00', to: '09:00' }],
    ['from equal to to', { from: '10:00', to: '10:00' }],
  ])('rejects %s (from must be before to)', (_label, value) => {
    const errors = errorsOf(W(value));
    expect(errors).toHaveLength(1);
    expect(['/rules/0/when/value', '/rules/0/when/value/from', '/rules/0/when/value/to']).toContain(errors[0]!.pointer);
  });

  it('accepts to "24:00" and from "00:00"', () => {
    expectValid(W({ from: '00:00', to: '24:00' }));
  });

  it.each([
    ['bad from', { from: '9am' }, '/rules/0/when/value/from'],
    ['from 24:00', { from: '24:00', to: '24:00' }, '/rules/0/when/value/from'],
    ['to past 24:00', { to: '24:01' }, '/rules/0/when/value/to'],
    ['to 25:00', { to: '25:00' }, '/rules/0/when/value/to'],
    ['minutes 60', { from: '09:60' }, '/rules/0/when/value/from'],
    ['unknown day', { days: ['mon', 'funday'] }, '/rules/0/when/value/days/1'],
    ['capitalised day', { days: ['Mon'] }, '/rules/0/when/value/days/0'],
  ])('rejects %s', (_label, value, pointer) => {
    expect(pointersOf(W(value))).toEqual([pointer]);
  });
});

describe('between ranges', () => {
  it('rejects min > max at /value', () => {
    expect(pointersOf(one(L('author.followers', 'between', [10, 5])))).toEqual(['/rules/0/when/value']);
  });
  it('accepts min = max', () => {
    expectValid(one(L('author.followers', 'between', [5, 5])));
  });
});

describe('nesting depth', () => {
  const wrap = (levels: number, kind: 'not' | 'all' | 'any'): unknown => {
    let condition: unknown = L('channel', 'eq', 'dm');
    for (let i = 1; i < levels; i++) condition = kind === 'not' ? { not: condition } : { [kind]: [condition] };
    return condition;
  };

  it.each([['not'], ['all'], ['any']] as const)('accepts 32 levels of %s (a leaf counts as a level)', (kind) => {
    expectValid(one(wrap(32, kind)));
  });

  it.each([['not'], ['all'], ['any']] as const)('rejects 33 levels of %s', (kind) => {
    const errors = errorsOf(one(wrap(33, kind)));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.pointer.startsWith('/rules/0/when')).toBe(true);
  });

  it('rejects 10,000 levels quickly and without a stack overflow', () => {
    const errors = errorsOf({ rules: [{ id: 'ok', when: { all: [] }, then: THEN }, { id: 'deep', when: wrap(10_000, 'not'), then: THEN }], fallback: FALLBACK });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.pointer.startsWith('/rules/1/when')).toBe(true);
  });
});

describe('all errors are reported at once', () => {
  it('reports three independent errors', () => {
    const set = {
      rules: [
        { id: 'a', when: L('author.followers', 'gt', 'x'), then: THEN },
        { id: 'b', when: L('text', 'matches', '('), then: THEN },
        { id: 'a', when: { all: [] }, then: THEN },
      ],
      fallback: FALLBACK,
    };
    expect(pointersOf(set)).toEqual(['/rules/0/when/value', '/rules/1/when/value', '/rules/2/id']);
  });

  it('reports schema errors and semantic errors together', () => {
    const set = {
      rules: [
        { id: 'a', when: L('channel', 'eq', 1), then: { tier: 5, team: 't' } },
        { id: 'b', when: { any: [L('createdAt', 'within', { tz: 'Nowhere/City', days: ['mon'], from: '09:00', to: '10:00' })] }, then: THEN },
        { id: 'B', when: { all: [] }, then: THEN },
      ],
      fallback: { tier: 1 },
    };
    expect(pointersOf(set)).toEqual(
      ['/fallback/team', '/rules/0/then/tier', '/rules/0/when/value', '/rules/1/when/any/0/value/tz', '/rules/2/id'].sort(),
    );
  });

  it('reports several errors inside one within value', () => {
    expect(pointersOf(one(L('createdAt', 'within', { tz: 'Nowhere', days: ['mon', 'xyz'], from: '9', to: '10:00' })))).toEqual(
      ['/rules/0/when/value/days/1', '/rules/0/when/value/from', '/rules/0/when/value/tz'],
    );
  });

  it('reports the errors of the invalid fixture', () => {
    const fixture = JSON.parse(readFileSync(new URL('../fixtures/invalid.rules.json', import.meta.url), 'utf8'));
    expect(pointersOf(fixture)).toEqual(['/fallback/tier', '/rules/0/when/value', '/rules/1/id', '/rules/1/when/value']);
  });

  it('reports a too-deep condition together with independent errors elsewhere', () => {
    let deep: unknown = L('channel', 'eq', 'dm');
    for (let i = 1; i < 40; i++) deep = { not: deep };
    const set = {
      rules: [
        { id: 'a', when: deep, then: THEN },
        { id: 'b', when: L('author.followers', 'gt', 'x'), then: THEN },
      ],
      fallback: { tier: 7, team: 'care' },
    };
    const pointers = pointersOf(set);
    expect(pointers).toHaveLength(3);
    expect(pointers.filter((p) => p.startsWith('/rules/0/when'))).toHaveLength(1);
    expect(pointers).toContain('/rules/1/when/value');
    expect(pointers).toContain('/fallback/tier');
  });
});

describe('validateMessage', () => {
  const base = {
    id: 'x:1', platform: 'x', channel: 'public', text: 'hi', createdAt: '2026-11-20T14:03:00Z', author: { id: '42' },
  };
  const without = (key: string) => {
    const copy: Json = { ...base };
    delete copy[key];
    return copy;
  };
  const pointersOfMessage = (input: unknown): string[] => {
    const result = validateMessage(input);
    expect(result.ok).toBe(false);
    if (result.ok) return [];
    for (const e of result.errors) expect(e.message.trim().length).toBeGreaterThan(0);
    return result.errors.map((e) => e.pointer).sort();
  };

  it.each([
    ['the minimal message', base],
    ['an empty text', { ...base, text: '' }],
    ['a createdAt with an offset', { ...base, createdAt: '2026-11-20T14:03:00+02:00' }],
    ['a createdAt with a negative offset', { ...base, createdAt: '2026-11-20T14:03:00-05:00' }],
    ['a createdAt with milliseconds', { ...base, createdAt: '2026-11-20T14:03:00.123Z' }],
    ['a dm', { ...base, channel: 'dm' }],
    ['the full spec example', {
      ...base, lang: 'en', author: { id: '42', handle: 'jane_doe', name: 'Jane', followers: 1200, verified: false },
      customer: { vip: false, tags: ['gold'] }, attachments: [{ type: 'photo' }], threadId: '1', inReplyTo: '2',
    }],
    ['unknown extra properties', { ...base, foo: { bar: 1 }, author: { id: '1', karma: 3 }, customer: { loyalty: 'x' } }],
  ])('accepts %s and returns it', (_label, input) => {
    expect(validateMessage(input)).toEqual({ ok: true, message: input });
  });

  it.each([
    ['missing id', without('id'), ['/id']],
    ['empty id', { ...base, id: '' }, ['/id']],
    ['numeric id', { ...base, id: 5 }, ['/id']],
    ['missing platform', without('platform'), ['/platform']],
    ['missing channel', without('channel'), ['/channel']],
    ['bad channel', { ...base, channel: 'email' }, ['/channel']],
    ['channel in upper case', { ...base, channel: 'DM' }, ['/channel']],
    ['missing text', without('text'), ['/text']],
    ['text not a string', { ...base, text: 1 }, ['/text']],
    ['missing createdAt', without('createdAt'), ['/createdAt']],
    ['createdAt without a zone', { ...base, createdAt: '2026-11-20T14:03:00' }, ['/createdAt']],
    ['createdAt as a date only', { ...base, createdAt: '2026-11-20' }, ['/createdAt']],
    ['createdAt not a date', { ...base, createdAt: 'yesterday' }, ['/createdAt']],
    ['createdAt as a number', { ...base, createdAt: 1790000000000 }, ['/createdAt']],
    ['missing author', without('author'), ['/author']],
    ['missing author.id', { ...base, author: { handle: 'jane' } }, ['/author/id']],
    ['numeric author.id', { ...base, author: { id: 42 } }, ['/author/id']],
    ['lang not a string', { ...base, lang: 5 }, ['/lang']],
    ['handle not a string', { ...base, author: { id: '1', handle: 5 } }, ['/author/handle']],
    ['name not a string', { ...base, author: { id: '1', name: ['Jane'] } }, ['/author/name']],
    ['followers as a string', { ...base, author: { id: '1', followers: '1200' } }, ['/author/followers']],
    ['verified as a string', { ...base, author: { id: '1', verified: 'yes' } }, ['/author/verified']],
    ['vip as a string', { ...base, customer: { vip: 'yes' } }, ['/customer/vip']],
    ['tags as a string', { ...base, customer: { tags: 'gold' } }, ['/customer/tags']],
    ['a non-string tag', { ...base, customer: { tags: ['gold', 3] } }, ['/customer/tags/1']],
    ['attachments as an object', { ...base, attachments: { type: 'photo' } }, ['/attachments']],
    ['threadId as a number', { ...base, threadId: 1 }, ['/threadId']],
    ['inReplyTo as a number', { ...base, inReplyTo: 2 }, ['/inReplyTo']],
  ] as Array<[string, unknown, string[]]>)('rejects %s', (_label, input, expected) => {
    expect(pointersOfMessage(input)).toEqual(expected);
  });

  it('reports every error at once', () => {
    expect(pointersOfMessage({ channel: 'x', author: {}, lang: 1 })).toEqual(
      ['/author/id', '/channel', '/createdAt', '/id', '/lang', '/platform', '/text'],
    );
  });

  it.each([[null], ['hello'], [42], [[]]])('rejects the non-object %j at the root pointer', (input) => {
    expect(pointersOfMessage(input)).toEqual(['']);
  });
});
