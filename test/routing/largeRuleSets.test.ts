import { describe, expect, it } from 'vitest';
import { compileRuleSet, lintRuleSet, routeMessage, validateRuleSet, type RuleSet } from '../../server/routing/index.js';

const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}x`);

/** 10,000 rules of the usual kinds: thresholds, regexes, compounds, keyword lists. */
function tenThousandRules(): RuleSet {
  const rules = Array.from({ length: 10_000 }, (_, i) => {
    const kind = i % 5;
    const when =
      kind === 0 ? { field: 'author.followers', op: 'gte', value: 10_000 + i }
      : kind === 1 ? { field: 'text', op: 'matches', value: `\\border\\s*#?\\d{${5 + (i % 4)}}\\b` }
      : kind === 2 ? { all: [{ field: 'channel', op: 'eq', value: 'dm' }, { field: 'text', op: 'containsAny', value: [words[i % 3000]!, words[(i * 7) % 3000]!] }] }
      : { field: 'text', op: 'containsAny', value: Array.from({ length: 8 }, (_, k) => words[(i * 13 + k) % 3000]!) };
    return { id: `r${i}`, when, then: { tier: 1 as const, team: 'care' } };
  });
  return { rules, fallback: { tier: 1, team: 'care' } };
}

describe('a 10,000-rule set', () => {
  it('validates, compiles, lints and routes', () => {
    const set = tenThousandRules();
    expect(validateRuleSet(set).ok).toBe(true);
    const compiled = compileRuleSet(set);
    const warnings = lintRuleSet(set);
    // Every follower threshold after the first is covered by r0 (>= 10,000), and repeated regexes by their first copy.
    expect(warnings.find((w) => w.ruleId === 'r5')).toMatchObject({ related: ['r0'] });
    expect(warnings.find((w) => w.ruleId === 'r21')).toMatchObject({ related: ['r1'] });
    const message = { id: 'x:1', platform: 'x', channel: 'public' as const, text: `hello ${words[17]} there`, createdAt: '2026-11-20T14:00:00Z', author: { id: '1' } };
    expect(routeMessage(compiled, message).ruleId).toBe(routeMessage(compiled, message, { explain: true }).ruleId);
  }, 60_000);
});
