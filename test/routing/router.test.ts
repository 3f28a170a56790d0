/**
 * Routing of routing.md §2 and §6: ordered rules, first match decides and no
 * later rule is evaluated, disabled rules, fallback, defaults, replies, traces.
 */
import { describe, it, expect } from 'vitest';
import {
  compileRuleSet,
  routeMessage,
  type Decision,
  type Message,
  type RuleSet,
} from '../../server/routing/index.js';
import { compileValid, leaf, message, rule, ruleSet } from './helpers.js';

const refund = leaf('text', 'containsAny', ['refund']);
const invoice = leaf('text', 'containsAny', ['invoice']);
const dm = leaf('channel', 'eq', 'dm');
const always = { all: [] };

function both(set: RuleSet, msg: Message): { fast: Decision; explained: Decision } {
  const compiled = compileValid(set);
  const fast = routeMessage(compiled, msg);
  const explained = routeMessage(compiled, msg, { explain: true });
  const { trace, ...rest } = explained;
  expect(trace).toBeDefined();
  expect(rest).toStrictEqual(fast);
  return { fast, explained };
}

describe('the spec example', () => {
  it('routes the §1 message with the §2 rule set to the §6 decision', () => {
    const set: RuleSet = {
      name: 'Acme social care',
      rules: [
        {
          id: 'billing-private',
          name: 'Billing and account problems go to the private help desk',
          enabled: true,
          when: {
            any: [
              { field: 'text', op: 'containsAny', value: ['refund', 'charged twice', 'invoice'] },
              { field: 'detected', op: 'containsAny', value: ['card'] },
            ],
          },
          then: {
            tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'],
            reply: { text: 'Hi @{{author.handle}}, please send us a DM so we can look at your account privately.' },
          },
        },
      ],
      fallback: { tier: 1, team: 'care' },
    };
    const msg = message({
      id: 'x:1790000000000000001',
      platform: 'x',
      channel: 'public',
      text: '@AcmeHelp I was charged twice for order 123456, please refund',
      lang: 'en',
      createdAt: '2026-11-20T14:03:00Z',
      author: { id: '42', handle: 'jane_doe', name: 'Jane', followers: 1200, verified: false },
      customer: { vip: false, tags: ['gold'] },
      attachments: [{ type: 'photo' }],
      threadId: '1789999999999999999',
      inReplyTo: '1789999999999999998',
    });
    const { fast, explained } = both(set, msg);
    expect(fast).toStrictEqual({
      id: 'x:1790000000000000001',
      ruleId: 'billing-private',
      tier: 2,
      team: 'helpdesk',
      priority: 'high',
      tags: ['billing'],
      reply: 'Hi @jane_doe, please send us a DM so we can look at your account privately.',
    });
    expect(explained.trace).toStrictEqual([{ ruleId: 'billing-private', result: 'matched' }]);
  });
});

describe('first match wins', () => {
  const set = ruleSet([rule('a', refund), rule('b', dm), rule('c', invoice), rule('d', always)]);

  it.each([
    ['refund in a DM goes to a (both a and b match)', { channel: 'dm', text: 'refund' }, 'a'],
    ['invoice in a DM goes to b, not c', { channel: 'dm', text: 'invoice' }, 'b'],
    ['invoice in public goes to c', { channel: 'public', text: 'invoice' }, 'c'],
    ['refund and invoice in public goes to a', { text: 'invoice and refund' }, 'a'],
    ['anything else goes to d', { text: 'hello' }, 'd'],
  ])('%s', (_label, overrides, expected) => {
    const { fast } = both(set, message(overrides));
    expect(fast.ruleId).toBe(expected);
    expect(fast.team).toBe(`t-${expected}`);
  });

  it('follows the order of the rules, not their ids', () => {
    const reversed = ruleSet([rule('b', dm), rule('a', refund)]);
    expect(both(reversed, message({ channel: 'dm', text: 'refund' })).fast.ruleId).toBe('b');
  });

  it('stops the trace at the deciding rule: later rules are not evaluated', () => {
    const { explained } = both(set, message({ channel: 'dm', text: 'invoice' }));
    expect(explained.trace).toStrictEqual([
      { ruleId: 'a', result: 'no-match' },
      { ruleId: 'b', result: 'matched' },
    ]);
  });

  it('traces the first rule alone when it decides', () => {
    const { explained } = both(set, message({ channel: 'dm', text: 'refund invoice' }));
    expect(explained.trace).toStrictEqual([{ ruleId: 'a', result: 'matched' }]);
  });

  it('adds no trace without explain', () => {
    const compiled = compileValid(set);
    expect('trace' in routeMessage(compiled, message({ text: 'refund' }))).toBe(false);
    expect('trace' in routeMessage(compiled, message({ text: 'refund' }), { explain: false })).toBe(false);
  });

  it('keeps rule order when keyword rules and other rules interleave', () => {
    const interleaved = ruleSet([
      rule('k1', leaf('text', 'containsAll', ['charged twice', 'card'])),
      rule('p1', leaf('author.followers', 'gte', 1000)),
      rule('k2', { any: [invoice, refund] }),
      rule('p2', { not: refund }),
      rule('k3', { all: [refund, dm] }),
    ]);
    const cases: Array<[Record<string, unknown>, string | null]> = [
      [{ text: 'charged twice on my card, refund', author: { id: '1', followers: 5000 } }, 'k1'],
      [{ text: 'charged on my card twice, refund', author: { id: '1', followers: 5000 } }, 'p1'],
      [{ text: 'refund', author: { id: '1', followers: 5000 } }, 'p1'],
      [{ text: 'refund', channel: 'dm' }, 'k2'],
      [{ text: 'hello' }, 'p2'],
      [{ text: 'card' }, 'p2'],
    ];
    for (const [overrides, expected] of cases) {
      expect(both(interleaved, message(overrides)).fast.ruleId).toBe(expected);
    }
  });
});

describe('disabled rules', () => {
  it('are skipped and traced as disabled', () => {
    const set = ruleSet([rule('a', always, { enabled: false }), rule('b', refund), rule('c', always)]);
    const { fast, explained } = both(set, message({ text: 'refund' }));
    expect(fast.ruleId).toBe('b');
    expect(explained.trace).toStrictEqual([
      { ruleId: 'a', result: 'disabled' },
      { ruleId: 'b', result: 'matched' },
    ]);
  });

  it('are skipped even when they are keyword rules that match', () => {
    const set = ruleSet([rule('a', refund, { enabled: false }), rule('b', refund)]);
    expect(both(set, message({ text: 'refund' })).fast.ruleId).toBe('b');
  });

  it('count as enabled when enabled is true or absent', () => {
    const set = ruleSet([rule('a', dm, { enabled: true }), rule('b', refund)]);
    expect(both(set, message({ channel: 'dm', text: 'refund' })).fast.ruleId).toBe('a');
  });
});

describe('fallback', () => {
  const set = ruleSet(
    [rule('a', refund), rule('b', dm, { enabled: false }), rule('c', invoice)],
    { tier: 0, team: 'bot', priority: 'low', tags: ['auto'], reply: { text: 'Hello {{author.name}}!' } },
  );

  it('decides with ruleId null when no rule matches, tracing every rule', () => {
    const { fast, explained } = both(set, message({ channel: 'dm', text: 'hello', author: { id: '1', name: 'Ann' } }));
    expect(fast).toStrictEqual({
      id: 'm1', ruleId: null, tier: 0, team: 'bot', priority: 'low', tags: ['auto'], reply: 'Hello Ann!',
    });
    expect(explained.trace).toStrictEqual([
      { ruleId: 'a', result: 'no-match' },
      { ruleId: 'b', result: 'disabled' },
      { ruleId: 'c', result: 'no-match' },
    ]);
  });

  it('decides with an empty rule list and an empty trace', () => {
    const { fast, explained } = both(ruleSet([]), message({ id: 'dm:7' }));
    expect(fast).toStrictEqual({ id: 'dm:7', ruleId: null, tier: 1, team: 'care', priority: 'normal', tags: [] });
    expect(explained.trace).toStrictEqual([]);
  });

  it('decides when every rule is disabled', () => {
    const only = ruleSet([rule('a', always, { enabled: false })]);
    const { fast, explained } = both(only, message());
    expect(fast.ruleId).toBeNull();
    expect(explained.trace).toStrictEqual([{ ruleId: 'a', result: 'disabled' }]);
  });
});

describe('defaults and decision shape', () => {
  it('applies priority normal and tags [] and has no reply when then has none', () => {
    const { fast } = both(ruleSet([rule('a', always)]), message({ id: 'x:5' }));
    expect(fast).toStrictEqual({ id: 'x:5', ruleId: 'a', tier: 1, team: 't-a', priority: 'normal', tags: [] });
    expect('reply' in fast).toBe(false);
  });

  it('copies tier, team, priority and tags from then', () => {
    const set = ruleSet([{ id: 'a', when: always, then: { tier: 2, team: 'helpdesk', priority: 'urgent', tags: ['x', 'y'] } }]);
    expect(both(set, message()).fast).toStrictEqual({
      id: 'm1', ruleId: 'a', tier: 2, team: 'helpdesk', priority: 'urgent', tags: ['x', 'y'],
    });
  });

  it('gives each decision its own tags array', () => {
    const compiled = compileValid(ruleSet([{ id: 'a', when: always, then: { tier: 1, team: 't', tags: ['x'] } }]));
    const first = routeMessage(compiled, message());
    first.tags.push('mutated');
    expect(routeMessage(compiled, message()).tags).toEqual(['x']);
  });
});

describe('reply rendering', () => {
  const withReply = (text: string) => ruleSet([{ id: 'a', when: always, then: { tier: 0, team: 'bot', reply: { text } } }]);
  it.each([
    ['both placeholders', 'Hi @{{author.handle}} ({{author.name}})', { id: '1', handle: 'jane_doe', name: 'Jane' }, 'Hi @jane_doe (Jane)'],
    ['absent handle renders empty', 'Hi @{{author.handle}}!', { id: '1', name: 'Jane' }, 'Hi @!'],
    ['absent name renders empty', 'Dear {{author.name}}, thanks', { id: '1', handle: 'j' }, 'Dear , thanks'],
    ['both absent', '[{{author.handle}}|{{author.name}}]', { id: '1' }, '[|]'],
    ['repeated placeholders', '{{author.name}} {{author.name}}', { id: '1', name: 'Jo' }, 'Jo Jo'],
    ['no placeholder', 'Our shop opens at 9.', { id: '1', handle: 'h' }, 'Our shop opens at 9.'],
    ['a value that looks like a placeholder is not expanded again', 'Hi {{author.name}}', { id: '1', name: '{{author.handle}}', handle: 'h' }, 'Hi {{author.handle}}'],
  ])('%s', (_label, template, author, expected) => {
    const { fast } = both(withReply(template), message({ author }));
    expect(fast.reply).toBe(expected);
  });

  it('renders per message', () => {
    const compiled = compileValid(withReply('Hi {{author.name}}'));
    expect(routeMessage(compiled, message({ author: { id: '1', name: 'A' } })).reply).toBe('Hi A');
    expect(routeMessage(compiled, message({ author: { id: '2', name: 'B' } })).reply).toBe('Hi B');
  });
});

describe('unknown extra message properties', () => {
  const set = ruleSet([
    rule('pii', leaf('detected', 'containsAny', ['card'])),
    rule('vip', leaf('customer.vip', 'eq', true)),
    rule('fans', leaf('author.followers', 'gte', 1000)),
    rule('refund', refund),
  ]);

  it('are ignored by routing', () => {
    const plain = message({ text: 'hello refund', author: { id: '1', followers: 10 } });
    const extra = message({
      text: 'hello refund',
      author: { id: '1', followers: 10, karma: 5000, followers_count: 5000 },
      customer: { loyalty: 'platinum' },
      detected: ['card'],
      vip: true,
      score: 99,
      'author.followers': 5000,
    });
    const a = both(set, plain);
    const b = both(set, extra);
    expect(b.fast).toStrictEqual(a.fast);
    expect(b.fast.ruleId).toBe('refund');
    expect(b.explained.trace).toStrictEqual(a.explained.trace);
  });
});

describe('compileRuleSet', () => {
  it('throws on an invalid rule set', () => {
    expect(() => compileRuleSet({ rules: [], fallback: { tier: 3, team: 'care' } } as unknown as RuleSet)).toThrow();
    expect(() => compileRuleSet(ruleSet([rule('a', leaf('author.followers', 'gt', 'many'))]))).toThrow();
  });

  it('can route many messages with one compiled set', () => {
    const compiled = compileValid(ruleSet([rule('a', refund), rule('b', invoice)]));
    const ids = ['refund', 'invoice', 'hello', 'invoice refund', 'refund'].map(
      (text) => routeMessage(compiled, message({ text })).ruleId,
    );
    expect(ids).toEqual(['a', 'b', null, 'a', 'a']);
  });
});
