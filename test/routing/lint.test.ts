/**
 * Lint of routing.md §5: rules that can never decide because an earlier enabled
 * rule matches every message they match, duplicate conditions, disabled rules;
 * and soundness on concrete counter-examples (no warning when the later rule can
 * still decide some message: a witness message proves it).
 */
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  formatLintWarning,
  lintRuleSet,
  routeMessage,
  type Condition,
  type LintWarning,
  type Rule,
  type RuleSet,
} from '../../server/routing/index.js';
import { compileValid, leaf, message, rule, ruleSet } from './helpers.js';

const dm = leaf('channel', 'eq', 'dm');
const refund = leaf('text', 'containsAny', ['refund']);
const followers = (op: string, value: unknown) => leaf('author.followers', op, value);

function lint(rules: Rule[]): LintWarning[] {
  const set = ruleSet(rules);
  compileValid(set); // lint is for valid sets
  return lintRuleSet(set);
}

function expectShadowed(warnings: LintWarning[], later: string, earlier: string): void {
  const shadow = warnings.filter((w) => w.ruleId === later);
  expect(shadow).toHaveLength(1);
  expect(shadow[0]!.related).toEqual([earlier]);
  expect(shadow[0]!.message).toMatch(new RegExp(`^shadowed by ${earlier} \\(.+\\)$`));
  expect(formatLintWarning(shadow[0]!)).toMatch(new RegExp(`^${later}: shadowed by ${earlier} \\(.+\\)$`));
}

describe('formatLintWarning', () => {
  it('prints RULE_ID: message', () => {
    expect(formatLintWarning({ ruleId: 'b', related: ['a'], message: 'shadowed by a (same condition)' })).toBe(
      'b: shadowed by a (same condition)',
    );
    expect(formatLintWarning({ ruleId: 'x-1', related: [], message: 'disabled' })).toBe('x-1: disabled');
  });
});

describe('shadowing warnings the spec requires', () => {
  describe('an earlier rule that always matches', () => {
    it.each([
      ['empty all', { all: [] }],
      ['not of empty any', { not: { any: [] } }],
    ] as Array<[string, Condition]>)('%s shadows the next rule', (_label, always) => {
      const warnings = lint([rule('a', always), rule('b', dm)]);
      expect(warnings).toHaveLength(1);
      expectShadowed(warnings, 'b', 'a');
    });

    it('shadows every later rule', () => {
      const warnings = lint([rule('x', dm), rule('a', { all: [] }), rule('b', refund), rule('c', followers('gt', 5))]);
      expect(warnings.map((w) => w.ruleId)).toEqual(['b', 'c']);
      expectShadowed(warnings, 'b', 'a');
      expectShadowed(warnings, 'c', 'a');
    });
  });

  describe('an earlier containsAny on the same field whose keywords include all of the later rule\'s', () => {
    it.each([
      ['text keywords', leaf('text', 'containsAny', ['refund', 'invoice', 'charged twice']), leaf('text', 'containsAny', ['invoice', 'charged twice'])],
      ['text keywords, same list', leaf('text', 'containsAny', ['refund']), leaf('text', 'containsAny', ['refund'])],
      ['text keywords written differently', leaf('text', 'containsAny', ['refund', 'charged twice']), leaf('text', 'containsAny', ['REFUND', 'Charged  Twice'])],
      ['customer.tags', leaf('customer.tags', 'containsAny', ['gold', 'silver']), leaf('customer.tags', 'containsAny', ['silver'])],
      ['customer.tags, case-insensitive', leaf('customer.tags', 'containsAny', ['gold', 'silver']), leaf('customer.tags', 'containsAny', ['GOLD'])],
      ['detected', leaf('detected', 'containsAny', ['card', 'email', 'phone']), leaf('detected', 'containsAny', ['card'])],
    ])('%s', (_label, earlier, later) => {
      const warnings = lint([rule('a', earlier), rule('b', later)]);
      expect(warnings).toHaveLength(1);
      expectShadowed(warnings, 'b', 'a');
    });

    it('the shadowed rules of the fixture', () => {
      const set = JSON.parse(readFileSync(new URL('../fixtures/shadowed.rules.json', import.meta.url), 'utf8')) as RuleSet;
      const warnings = lintRuleSet(set);
      expect(warnings.map(formatLintWarning)).toHaveLength(2);
      expectShadowed(warnings, 'refund-bot', 'billing-private');
      expectShadowed(warnings, 'bigger-fans', 'big-fans');
    });
  });

  describe('an earlier gte/gt threshold that the later one\'s implies', () => {
    it.each([
      ['gte 1000 before gt 5000', followers('gte', 1000), followers('gt', 5000)],
      ['gte 1000 before gte 5000', followers('gte', 1000), followers('gte', 5000)],
      ['gte 1000 before gte 1000', followers('gte', 1000), followers('gte', 1000)],
      ['gte 1000 before gt 1000', followers('gte', 1000), followers('gt', 1000)],
      ['gt 1000 before gt 1000', followers('gt', 1000), followers('gt', 1000)],
      ['gt 1000 before gt 2000', followers('gt', 1000), followers('gt', 2000)],
      ['gt 1000 before gte 2000', followers('gt', 1000), followers('gte', 2000)],
      ['gt 999 before gte 1000', followers('gt', 999), followers('gte', 1000)],
      ['attachments gt 0 before gte 2', leaf('attachments.count', 'gt', 0), leaf('attachments.count', 'gte', 2)],
    ])('%s', (_label, earlier, later) => {
      const warnings = lint([rule('a', earlier), rule('b', later)]);
      expect(warnings).toHaveLength(1);
      expectShadowed(warnings, 'b', 'a');
    });
  });

  describe('an earlier single leaf that appears among the later rule\'s all children', () => {
    it.each([
      ['first child', dm, { all: [dm, refund] }],
      ['last child', dm, { all: [refund, followers('gt', 10), dm] }],
      ['same leaf written with other key order', { value: 'dm', op: 'eq', field: 'channel' } as Condition, { all: [refund, dm] }],
      ['keyword leaf', refund, { all: [dm, refund] }],
    ] as Array<[string, Condition, Condition]>)('%s', (_label, earlier, later) => {
      const warnings = lint([rule('a', earlier), rule('b', later)]);
      expect(warnings).toHaveLength(1);
      expectShadowed(warnings, 'b', 'a');
    });
  });

  it('names the first earlier rule that shadows', () => {
    const warnings = lint([rule('x', followers('gt', 50)), rule('y', { all: [] }), rule('z', followers('gt', 100))]);
    expect(warnings.map((w) => w.ruleId)).toEqual(['z']);
    expect(warnings[0]!.related).toEqual(['x']);
  });
});

describe('duplicate conditions', () => {
  it('in an all group', () => {
    const warnings = lint([rule('a', { all: [dm, refund, dm] })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.ruleId).toBe('a');
    expect(warnings[0]!.message).toMatch(/duplicate/i);
  });

  it('in a nested any group', () => {
    const warnings = lint([rule('x', dm), rule('a', { not: { any: [refund, followers('gt', 3), refund] } })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.ruleId).toBe('a');
    expect(warnings[0]!.message).toMatch(/duplicate/i);
  });

  it('two rules with the same condition: the later one is shadowed', () => {
    const warnings = lint([rule('a', { any: [dm, refund] }), rule('b', { any: [dm, refund] })]);
    expect(warnings).toHaveLength(1);
    expectShadowed(warnings, 'b', 'a');
  });
});

describe('disabled rules', () => {
  it('are reported', () => {
    const warnings = lint([rule('a', dm), rule('off', refund, { enabled: false })]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.ruleId).toBe('off');
    expect(warnings[0]!.message).toMatch(/disabled/i);
  });

  it('do not shadow later rules', () => {
    const warnings = lint([rule('a', { all: [] }, { enabled: false }), rule('b', dm)]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.ruleId).toBe('a');
    expect(warnings[0]!.message).toMatch(/disabled/i);
  });
});

describe('no warning when the later rule can still decide (witness message decided by b)', () => {
  const cases: Array<[string, Condition, Condition, Record<string, unknown>]> = [
    ['containsAny subset the other way', leaf('text', 'containsAny', ['refund']), leaf('text', 'containsAny', ['refund', 'invoice']), { text: 'invoice' }],
    ['containsAny on different fields', leaf('text', 'containsAny', ['gold']), leaf('customer.tags', 'containsAny', ['gold']), { customer: { tags: ['gold'] } }],
    ['shorter phrase after a longer one', leaf('text', 'containsAny', ['charged twice']), leaf('text', 'containsAny', ['charged']), { text: 'charged once' }],
    ['a longer word after a keyword', refund, leaf('text', 'containsAny', ['refunded']), { text: 'refunded' }],
    ['containsAll before containsAny', leaf('text', 'containsAll', ['refund', 'invoice']), refund, { text: 'refund' }],
    ['threshold the other way (gt 5000, gte 1000)', followers('gt', 5000), followers('gte', 1000), { author: { id: '1', followers: 2000 } }],
    ['gt 1000 before gte 1000', followers('gt', 1000), followers('gte', 1000), { author: { id: '1', followers: 1000 } }],
    ['gte before lt', followers('gte', 1000), followers('lt', 5000), { author: { id: '1', followers: 10 } }],
    ['threshold on another field', followers('gte', 0), leaf('attachments.count', 'gte', 1), { attachments: [{}] }],
    ['leaf among the later rule\'s any children', dm, { any: [refund, dm] }, { text: 'refund' }],
    ['earlier all of two leaves, later one of them', { all: [dm, refund] }, dm, { channel: 'dm' }],
    ['earlier not', { not: dm }, dm, { channel: 'dm' }],
    ['earlier eq, later neq another value', leaf('lang', 'eq', 'en'), leaf('lang', 'neq', 'de'), { lang: 'fr' }],
    ['earlier in, later eq another value', leaf('channel', 'in', ['dm']), leaf('channel', 'eq', 'public'), {}],
    ['earlier verified, later vip', leaf('author.verified', 'eq', true), leaf('customer.vip', 'eq', true), { customer: { vip: true } }],
    ['earlier narrower time window', leaf('createdAt', 'within', { tz: 'UTC', days: ['fri'], from: '09:00', to: '10:00' }), leaf('createdAt', 'within', { tz: 'UTC', days: ['fri'], from: '09:00', to: '11:00' }), { createdAt: '2026-11-20T10:30:00Z' }],
    ['earlier window in another zone', leaf('createdAt', 'within', { tz: 'UTC', days: ['fri'], from: '09:00', to: '11:00' }), leaf('createdAt', 'within', { tz: 'Europe/Paris', days: ['fri'], from: '09:00', to: '10:00' }), { createdAt: '2026-11-20T08:30:00Z' }],
    ['earlier handle, later handle with two @ (only one is ignored)', leaf('author.handle', 'eq', 'jane'), leaf('author.handle', 'eq', '@@jane'), { author: { id: '1', handle: '@@jane' } }],
    ["keyword don't before don", leaf('text', 'containsAny', ["don't"]), leaf('text', 'containsAny', ['don']), { text: 'don t' }],
    ['phrase before containsAll of its words', leaf('text', 'containsAny', ['charged twice']), leaf('text', 'containsAll', ['charged', 'twice']), { text: 'twice charged' }],
    ['case-sensitive matches before a keyword', leaf('text', 'matches', '^refund'), refund, { text: 'REFUND' }],
    ['text eq before a keyword', leaf('text', 'eq', 'refund'), refund, { text: 'refund please' }],
    ['between before gte', followers('between', [10, 100]), followers('gte', 10), { author: { id: '1', followers: 500 } }],
    ['tags containsAll before containsAny', leaf('customer.tags', 'containsAll', ['gold', 'silver']), leaf('customer.tags', 'containsAny', ['gold']), { customer: { tags: ['gold'] } }],
    ['attachments exists before count gte 0 (absent counts as 0)', leaf('attachments.count', 'exists', true), leaf('attachments.count', 'gte', 0), {}],
    ['followers exists before neq (absent followers)', followers('exists', true), followers('neq', 5), {}],
    ['earlier handle eq, later another handle', leaf('author.handle', 'eq', '@jane'), leaf('author.handle', 'eq', 'janet'), { author: { id: '1', handle: 'janet' } }],
  ];

  it.each(cases)('%s', (_label, earlier, later, witness) => {
    const rules = [rule('a', earlier), rule('b', later)];
    expect(routeMessage(compileValid(ruleSet(rules)), message(witness)).ruleId).toBe('b');
    expect(lint(rules)).toEqual([]);
  });

  it('earlier never-matching rule (empty any) shadows nothing', () => {
    const rules = [rule('a', { any: [] }), rule('b', dm)];
    expect(routeMessage(compileValid(ruleSet(rules)), message({ channel: 'dm' })).ruleId).toBe('b');
    expect(lint(rules).filter((w) => w.ruleId === 'b' || w.related.length > 0)).toEqual([]);
  });

  it('earlier disabled always-matching rule', () => {
    const rules = [rule('a', { all: [] }, { enabled: false }), rule('b', dm)];
    expect(routeMessage(compileValid(ruleSet(rules)), message({ channel: 'dm' })).ruleId).toBe('b');
    expect(lint(rules).filter((w) => w.ruleId === 'b')).toEqual([]);
  });

  it('a later always-matching rule does not shadow earlier ones', () => {
    expect(lint([rule('a', dm), rule('b', refund), rule('c', { all: [] })])).toEqual([]);
  });
});

describe('privacy lint (routing.md §5)', () => {
  const bot = (id: string, when: Parameters<typeof rule>[1]) =>
    rule(id, when, { then: { tier: 0, team: 'bot', reply: { text: 'We open at 9.' } } });
  const privacy = (set: Parameters<typeof ruleSet>[0]) =>
    lintRuleSet(ruleSet(set)).filter((w) => /personal data/.test(w.message)).map(formatLintWarning);

  it('warns about a bot answer that a public post with personal data can reach', () => {
    expect(privacy([bot('hours', leaf('text', 'containsAny', ['opening hours']))])).toEqual([
      'hours: may answer personal data in public (detected: email, phone, card)',
    ]);
  });

  it('names only the kinds that earlier rules do not take first', () => {
    const cards = rule('cards', leaf('detected', 'containsAny', ['card', 'email']));
    expect(privacy([cards, bot('hours', leaf('text', 'containsAny', ['opening hours']))])).toEqual([
      'hours: may answer personal data in public (detected: phone)',
    ]);
  });

  it('is silent when an earlier rule takes every message with personal data, or the bot answers DMs only', () => {
    expect(privacy([rule('pd', leaf('detected', 'exists', true)), bot('hours', leaf('text', 'containsAny', ['hours']))])).toEqual([]);
    expect(privacy([bot('hours', { all: [leaf('channel', 'eq', 'dm'), leaf('text', 'containsAny', ['hours'])] })])).toEqual([]);
    expect(privacy([bot('hours', { all: [leaf('detected', 'exists', false), leaf('text', 'containsAny', ['hours'])] })])).toEqual([]);
  });

  it('warns about a suppress rule that can decide such a message', () => {
    const suppress = rule('reposts', leaf('kind', 'eq', 'repost'), { then: { tier: 1, team: 'care', suppress: true } });
    expect(privacy([suppress])).toEqual(['reposts: suppresses personal data']);
    const guarded = rule('reposts', { all: [leaf('kind', 'eq', 'repost'), leaf('detected', 'exists', false)] }, { then: { tier: 1, team: 'care', suppress: true } });
    expect(privacy([guarded])).toEqual([]);
  });
});
