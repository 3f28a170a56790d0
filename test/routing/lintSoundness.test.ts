/**
 * Property-based checks (fast-check) over small random rule sets and messages
 * drawn from one small vocabulary, so that shadowing actually happens:
 *  - lint is sound (routing.md §5): when it says "B: shadowed by A", A is an
 *    earlier enabled rule, every generated message B's condition matches is also
 *    matched by A's, and no generated message is decided by B;
 *  - routing with and without explain gives the same decision (the fast path
 *    uses a keyword index), and the trace is consistent with it.
 */
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  compileRuleSet,
  detect,
  lintRuleSet,
  routeMessage,
  validateRuleSet,
  type CompiledRuleSet,
  type Condition,
  type Message,
  type Rule,
  type RuleSet,
} from '../../server/routing/index.js';

// ---------------------------------------------------------------- vocabulary

// Prefix keywords (charg*, refund*, log in*), phrases that also match one joined token
// (log in ~ #login, charged twice ~ #chargedtwice) and spaceless-script keywords, so that
// lint's containment proofs are exercised on every form of keyword matching.
const KEYWORDS = ['refund', 'invoice', 'charged twice', 'charged', 'twice', 'help', 'charg*', 'refund*', 'log in', 'login',
  'pay ment*', 'charged twi*', 'payment', 'chargedtwice', 'in', '返金', '返金して', 'パスワード'];
const WORDS = ['refund', 'Refund!', '#REFUND', 'invoice', 'charged', 'twice', 'help', 'me', 'please', 'refunded',
  'log', 'in', '#login', 'logins', '#LogIn', 'pay', 'ments', 'payment', '#payments', 'charge', 'chargedtwice', '#chargedtwiceagain', 'twiceish',
  '返金してください', 'パスワードを忘れた', '返金',
  'jane@example.com', '(212) 555-0123', '4111 1111 1111 1111'];
const TAGS = ['gold', 'silver', 'VIP'];
const MESSAGE_TAGS = ['gold', 'Silver', 'vip', 'bronze'];
const THRESHOLDS = [0, 10, 100, 1000];
const FOLLOWERS = [0, 5, 10, 50, 100, 500, 1000, 5000];
const DAYS = ['mon', 'fri', 'sat', 'sun'] as const;
const WINDOWS: Array<[string, string]> = [['00:00', '24:00'], ['09:00', '17:00'], ['09:00', '12:00'], ['12:00', '17:00']];
const INSTANTS = [
  '2026-11-20T08:30:00Z', // Fri 09:30 in Paris
  '2026-11-20T16:30:00Z', // Fri 17:30 in Paris
  '2026-11-21T10:00:00Z', // Sat
  '2026-11-22T23:30:00Z', // Sun in UTC, Mon 00:30 in Paris
  '2026-11-16T12:00:00+01:00', // Mon noon in Paris
  '2026-03-29T07:30:00Z', // Sun, just after the Paris clock change
];

const nonEmptySub = <T>(items: readonly T[], max = 3) => fc.subarray([...items], { minLength: 1, maxLength: Math.min(max, items.length) });
const leafOf = (field: string, op: string, value: unknown, flags?: string): Condition =>
  (flags === undefined ? { field, op, value } : { field, op, value, flags }) as Condition;

const numberLeaf = (field: string, values: number[]) =>
  fc.oneof(
    fc.tuple(fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq', 'neq'), fc.constantFrom(...values)).map(([op, v]) => leafOf(field, op, v)),
    fc.tuple(fc.constantFrom(...values), fc.constantFrom(...values)).map(([a, b]) => leafOf(field, 'between', [Math.min(a, b), Math.max(a, b)])),
    fc.boolean().map((b) => leafOf(field, 'exists', b)),
  );

const leafArb: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom('containsAny', 'containsAll'), nonEmptySub(KEYWORDS)).map(([op, v]) => leafOf('text', op, v)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('^refund', 'twice$', 'help'), fc.constantFrom(undefined, 'i')).map(([re, f]) => leafOf('text', 'matches', re, f)) },
  { weight: 1, arbitrary: fc.constantFrom('refund', 'help').map((v) => leafOf('text', 'eq', v)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('eq', 'neq'), fc.constantFrom('dm', 'public', 'DM')).map(([op, v]) => leafOf('channel', op, v)) },
  { weight: 1, arbitrary: nonEmptySub(['dm', 'public']).map((v) => leafOf('channel', 'in', v)) },
  { weight: 1, arbitrary: fc.oneof(
    fc.tuple(fc.constantFrom('eq', 'neq'), fc.constantFrom('en', 'fr')).map(([op, v]) => leafOf('lang', op, v)),
    nonEmptySub(['en', 'fr']).map((v) => leafOf('lang', 'in', v)),
    fc.boolean().map((b) => leafOf('lang', 'exists', b)),
  ) },
  { weight: 1, arbitrary: fc.oneof(
    fc.tuple(fc.constantFrom('eq', 'neq'), fc.constantFrom('jane', '@Jane', 'bob')).map(([op, v]) => leafOf('author.handle', op, v)),
    nonEmptySub(['jane', '@bob']).map((v) => leafOf('author.handle', 'in', v)),
  ) },
  { weight: 4, arbitrary: numberLeaf('author.followers', THRESHOLDS) },
  { weight: 1, arbitrary: numberLeaf('attachments.count', [0, 1, 2]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('author.verified', 'customer.vip'), fc.constantFrom('eq', 'neq', 'exists'), fc.boolean()).map(([f, op, b]) => leafOf(f, op, b)) },
  { weight: 2, arbitrary: fc.oneof(
    fc.tuple(fc.constantFrom('containsAny', 'containsAll'), nonEmptySub(TAGS)).map(([op, v]) => leafOf('customer.tags', op, v)),
    fc.boolean().map((b) => leafOf('customer.tags', 'exists', b)),
  ) },
  { weight: 2, arbitrary: fc.oneof(
    fc.tuple(fc.constantFrom('containsAny', 'containsAll'), nonEmptySub(['email', 'phone', 'card'])).map(([op, v]) => leafOf('detected', op, v)),
    fc.boolean().map((b) => leafOf('detected', 'exists', b)),
  ) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('UTC', 'Europe/Paris'), nonEmptySub(DAYS, 4), fc.constantFrom(...WINDOWS)).map(
    ([tz, days, [from, to]]) => leafOf('createdAt', 'within', { tz, days, from, to }),
  ) },
);

/** Children of a group: mostly 1 to 3, sometimes none (empty all is true, empty any false). */
const childrenArb = (child: fc.Arbitrary<Condition>) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant<Condition[]>([]) }, { weight: 6, arbitrary: fc.array(child, { minLength: 1, maxLength: 3 }) });

/** Conditions with all/any/not nested up to 3 group levels. */
function conditionArb(depth: number): fc.Arbitrary<Condition> {
  if (depth === 0) return leafArb;
  const child = conditionArb(depth - 1);
  return fc.oneof(
    { weight: 5, arbitrary: leafArb },
    { weight: 2, arbitrary: childrenArb(child).map((all) => ({ all })) },
    { weight: 2, arbitrary: childrenArb(child).map((any) => ({ any })) },
    { weight: 1, arbitrary: child.map((c) => ({ not: c })) },
  );
}

type Mode = 'fresh' | 'copy' | 'narrow' | 'widen' | 'always';
const ruleShapeArb = fc.record({
  // Plain leaves are frequent so that leaf-level implications (thresholds, keyword sets) get exercised.
  when: fc.oneof({ weight: 3, arbitrary: leafArb }, { weight: 2, arbitrary: conditionArb(3) }),
  mode: fc.constantFrom<Mode>('fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'copy', 'narrow', 'narrow', 'widen', 'always'),
  ref: fc.nat(),
  enabled: fc.constantFrom(true, true, true, true, true, false),
});

/** Rule sets of 2 to 6 rules; later rules often reuse an earlier condition so that shadowing happens. */
const ruleSetArb: fc.Arbitrary<RuleSet> = fc.array(ruleShapeArb, { minLength: 2, maxLength: 6 }).map((shapes) => {
  const rules: Rule[] = [];
  shapes.forEach((shape, i) => {
    let when = shape.when;
    if (i > 0 && shape.mode !== 'fresh') {
      const earlier = rules[shape.ref % i]!.when;
      if (shape.mode === 'copy') when = earlier;
      else if (shape.mode === 'narrow') when = { all: [shape.when, earlier] };
      else if (shape.mode === 'widen') when = { any: [earlier, shape.when] };
      else when = { all: [] };
    }
    rules.push({ id: `r${i}`, enabled: shape.enabled, when, then: { tier: 1, team: `team-${i}` } });
  });
  return { rules, fallback: { tier: 1, team: 'fallback' } };
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const messageArb: fc.Arbitrary<Message> = fc
  .record({
    words: fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
    channel: fc.constantFrom('public', 'dm'),
    lang: maybe(fc.constantFrom('en', 'fr', 'EN')),
    handle: maybe(fc.constantFrom('jane', 'JANE', '@jane', 'bob')),
    followers: maybe(fc.constantFrom(...FOLLOWERS)),
    verified: maybe(fc.boolean()),
    customer: maybe(fc.record({ vip: maybe(fc.boolean()), tags: maybe(fc.subarray(MESSAGE_TAGS)) })),
    attachments: maybe(fc.array(fc.constant({ type: 'photo' }), { maxLength: 2 })),
    createdAt: fc.constantFrom(...INSTANTS),
  })
  .map((m) => withoutUndefined({
    id: 'm',
    platform: 'x',
    channel: m.channel,
    text: m.words.join(' '),
    createdAt: m.createdAt,
    lang: m.lang,
    author: withoutUndefined({ id: '1', handle: m.handle, followers: m.followers, verified: m.verified }),
    customer: m.customer === undefined ? undefined : withoutUndefined(m.customer),
    attachments: m.attachments,
  }) as unknown as Message);

// ---------------------------------------------------------------- helpers

function compileChecked(set: RuleSet): CompiledRuleSet {
  const validation = validateRuleSet(set);
  if (!validation.ok) throw new Error(`generated rule set is invalid: ${JSON.stringify(validation.errors)}\n${JSON.stringify(set)}`);
  return compileRuleSet(set);
}

/** A predicate for one condition, through the router (a one-rule set). */
function conditionTester(when: Condition): (m: Message) => boolean {
  const compiled = compileChecked({ rules: [{ id: 'only', when, then: { tier: 1, team: 't' } }], fallback: { tier: 1, team: 'f' } });
  return (m) => routeMessage(compiled, m).ruleId === 'only';
}

// ---------------------------------------------------------------- properties

/** Checks every lint warning of `set` against the generated messages; returns the number of shadowing warnings. */
function checkLintSoundness(set: RuleSet, messages: Message[], stats: { covered: number }): number {
  const compiled = compileChecked(set);
  const warnings = lintRuleSet(set);
  const decidedBy = messages.map((m) => routeMessage(compiled, m).ruleId);
  const indexOf = new Map(set.rules.map((r, i) => [r.id, i]));
  let shadows = 0;
  for (const warning of warnings) {
    const laterIndex = indexOf.get(warning.ruleId);
    expect(laterIndex).toBeDefined();
    const shadowed = /^shadowed by /.test(warning.message);
    const neverMatches = /never match/i.test(warning.message);
    if (shadowed) {
      shadows++;
      const earlierId = warning.related[0]!;
      expect(warning.related).toHaveLength(1);
      expect(warning.message.startsWith(`shadowed by ${earlierId} (`)).toBe(true);
      const earlierIndex = indexOf.get(earlierId)!;
      expect(earlierIndex).toBeLessThan(laterIndex!);
      expect(set.rules[earlierIndex]!.enabled).not.toBe(false);
      // A matches every message B matches (what the warning claims) ...
      const later = conditionTester(set.rules[laterIndex!]!.when);
      const earlier = conditionTester(set.rules[earlierIndex]!.when);
      for (const m of messages) {
        if (!later(m)) continue;
        stats.covered++;
        if (!earlier(m)) {
          throw new Error(`unsound: "${warning.ruleId}: ${warning.message}" but this message matches ${warning.ruleId} and not ${earlierId}:\n` +
            `${JSON.stringify(m)}\nrules: ${JSON.stringify(set.rules)}`);
        }
      }
    }
    if (neverMatches) {
      const later = conditionTester(set.rules[laterIndex!]!.when);
      for (const m of messages) expect(later(m)).toBe(false);
    }
    if (shadowed || neverMatches || /disabled/i.test(warning.message)) {
      // ... so B never decides.
      expect(decidedBy).not.toContain(warning.ruleId);
    }
  }
  return shadows;
}

/** Leaves over few fields, so that rules often test the same field. */
const focusedLeafArb: fc.Arbitrary<Condition> = fc.oneof(
  { weight: 3, arbitrary: numberLeaf('author.followers', THRESHOLDS) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('containsAny', 'containsAll'), nonEmptySub(KEYWORDS)).map(([op, v]) => leafOf('text', op, v)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('containsAny', 'containsAll'), nonEmptySub(TAGS)).map(([op, v]) => leafOf('customer.tags', op, v)) },
  { weight: 1, arbitrary: fc.oneof(
    fc.tuple(fc.constantFrom('eq', 'in'), fc.constantFrom('jane', '@Jane', 'bob')).map(([op, v]) => leafOf('author.handle', op, op === 'in' ? [v] : v)),
    nonEmptySub(['jane', '@bob', 'JANE']).map((v) => leafOf('author.handle', 'in', v)),
  ) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('UTC', 'Europe/Paris'), nonEmptySub(DAYS, 4), fc.constantFrom(...WINDOWS)).map(
    ([tz, days, [from, to]]) => leafOf('createdAt', 'within', { tz, days, from, to }),
  ) },
);

/** Rule sets of 2 to 8 single-leaf rules: many same-field pairs, to exercise leaf implications. */
const leafRuleSetArb: fc.Arbitrary<RuleSet> = fc
  .array(fc.tuple(focusedLeafArb, fc.constantFrom(true, true, true, true, true, false)), { minLength: 2, maxLength: 8 })
  .map((leaves) => ({
    rules: leaves.map(([when, enabled], i) => ({ id: `r${i}`, enabled, when, then: { tier: 1 as const, team: `team-${i}` } })),
    fallback: { tier: 1, team: 'fallback' },
  }));

/** The same rule sets with some rules turned into tier-0 bot answers or suppress rules, for the privacy lint. */
const privacyRuleSetArb: fc.Arbitrary<RuleSet> = fc
  .tuple(ruleSetArb, fc.array(fc.constantFrom('bot', 'suppress', 'plain', 'plain'), { minLength: 8, maxLength: 8 }))
  .map(([set, roles]) => ({
    ...set,
    rules: set.rules.map((r, i) => {
      if (roles[i] === 'bot') return { ...r, then: { tier: 0 as const, team: r.then.team, reply: { text: 'Our hours are 9-5' } } };
      if (roles[i] === 'suppress') return { ...r, then: { ...r.then, suppress: true } };
      return r;
    }),
  }));

describe('privacy lint is safe (property-based)', () => {
  it('when silent about a rule, that rule answers or suppresses no public message in which a detector fires', () => {
    let exposedChecks = 0;
    fc.assert(
      fc.property(privacyRuleSetArb, fc.array(messageArb, { minLength: 15, maxLength: 25 }), (set, messages) => {
        const compiled = compileChecked(set);
        const warned = new Set(lintRuleSet(set).filter((w) => /personal data/.test(w.message)).map((w) => w.ruleId));
        for (const m of messages) {
          if (m.channel !== 'public' || detect(m.text).length === 0) continue;
          const decided = routeMessage(compiled, m).ruleId;
          const rule = set.rules.find((r) => r.id === decided);
          if (!rule || !(rule.then.tier === 0 || rule.then.suppress === true)) continue;
          exposedChecks++;
          if (!warned.has(rule.id)) throw new Error(`unsafe: ${rule.id} decides ${JSON.stringify(m)} silently\n${JSON.stringify(set.rules)}`);
        }
      }),
      { numRuns: 300 },
    );
    expect(exposedChecks).toBeGreaterThan(0);
  });
});

describe('lint soundness (property-based)', () => {
  it('never claims a rule is shadowed when it can still decide a generated message (nested conditions)', () => {
    const stats = { covered: 0 };
    let shadowWarnings = 0;
    let setsWithShadowing = 0;
    fc.assert(
      fc.property(ruleSetArb, fc.array(messageArb, { minLength: 15, maxLength: 25 }), (set, messages) => {
        const shadows = checkLintSoundness(set, messages, stats);
        shadowWarnings += shadows;
        if (shadows > 0) setsWithShadowing++;
      }),
      { numRuns: 300 },
    );
    // The generator must actually exercise the shadowing warnings.
    expect(shadowWarnings).toBeGreaterThan(0);
    expect(setsWithShadowing).toBeGreaterThan(10);
    expect(stats.covered).toBeGreaterThan(0);
  });

  it('never claims a rule is shadowed when it can still decide a generated message (single leaves)', () => {
    const stats = { covered: 0 };
    let shadowWarnings = 0;
    fc.assert(
      fc.property(leafRuleSetArb, fc.array(messageArb, { minLength: 20, maxLength: 30 }), (set, messages) => {
        shadowWarnings += checkLintSoundness(set, messages, stats);
      }),
      { numRuns: 400 },
    );
    expect(shadowWarnings).toBeGreaterThan(0);
    expect(stats.covered).toBeGreaterThan(0);
  });
});

describe('explained routing agrees with the fast path (property-based)', () => {
  it('gives the same decision with and without explain, and a consistent trace', () => {
    let decidedByRule = 0;
    let decidedByFallback = 0;
    fc.assert(
      fc.property(ruleSetArb, fc.array(messageArb, { minLength: 10, maxLength: 20 }), (set, messages) => {
        const compiled = compileChecked(set);
        const testers = set.rules.map((r) => conditionTester(r.when));
        for (const m of messages) {
          const fast = routeMessage(compiled, m);
          const explained = routeMessage(compiled, m, { explain: true });
          expect(explained.ruleId).toBe(fast.ruleId);
          const { trace, ...withoutTrace } = explained;
          expect(withoutTrace).toStrictEqual(fast);
          // The trace: every rule in order up to the deciding one (all when the fallback decided).
          const expectedTrace = [];
          let decider: string | null = null;
          for (const [i, r] of set.rules.entries()) {
            if (r.enabled === false) {
              expectedTrace.push({ ruleId: r.id, result: 'disabled' });
            } else if (testers[i]!(m)) {
              expectedTrace.push({ ruleId: r.id, result: 'matched' });
              decider = r.id;
              break;
            } else {
              expectedTrace.push({ ruleId: r.id, result: 'no-match' });
            }
          }
          expect(trace).toStrictEqual(expectedTrace);
          expect(fast.ruleId).toBe(decider);
          if (decider === null) decidedByFallback++;
          else decidedByRule++;
        }
      }),
      { numRuns: 200 },
    );
    expect(decidedByRule).toBeGreaterThan(0);
    expect(decidedByFallback).toBeGreaterThan(0);
  });
});
