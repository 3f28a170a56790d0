import { describe, expect, it } from 'vitest';
import { judgeRuleSetRegexes } from '../../server/regexChecks/judgeRuleSetRegexes.js';
import { ruleSetRegexes } from '../../server/regexChecks/ruleSetRegexes.js';
import { validateRuleSet, type RuleSet } from '../../server/routing/index.js';

const leaf = (value: string, flags?: string) => ({ field: 'text', op: 'matches', value, ...(flags ? { flags } : {}) });

function setOf(...conditions: object[]): RuleSet {
  return { rules: conditions.map((when, i) => ({ id: `r${i}`, when, then: { tier: 1, team: 'care' } })), fallback: { tier: 1, team: 'care' } } as RuleSet;
}

describe('judging a rule set\'s regular expressions off the event loop', () => {
  it('finds each distinct compilable expression in document order, inside all, any and not', () => {
    const found = ruleSetRegexes(setOf(leaf('a+'), { any: [leaf('b'), { not: leaf('a+') }] }, { all: [leaf('c', 'i'), leaf('(')] }, leaf('d', 'xx')));
    expect([...found.values()]).toEqual([{ source: 'a+', flags: '' }, { source: 'b', flags: '' }, { source: 'c', flags: 'i' }]);
  });

  it('refuses unsafe expressions, remembers verdicts, and refuses what it had no time for or what is past the limit', async () => {
    const set = setOf(leaf('^(a+)+$'), leaf('refund #\\d{6}'), leaf('late'));
    const judged = validateRuleSet(set, await judgeRuleSetRegexes(set, { maxRegexes: 2, budgetMs: 20_000 }));
    expect(judged.ok ? [] : judged.errors).toEqual([
      { pointer: '/rules/0/when/value', message: expect.stringMatching(/catastrophic backtracking \(exponential time/) },
      { pointer: '/rules/2/when/value', message: expect.stringMatching(/one regular expression too many: a rule set may hold 2 different ones/) },
    ]);
    // No time at all: the verdicts reached above are remembered, the new expression is refused as not checked.
    const withNew = setOf(leaf('^(a+)+$'), leaf('refund #\\d{6}'), leaf('never seen before'));
    const hurried = validateRuleSet(withNew, await judgeRuleSetRegexes(withNew, { maxRegexes: 3, budgetMs: 0 }));
    expect(hurried.ok ? [] : hurried.errors).toEqual([
      { pointer: '/rules/0/when/value', message: expect.stringMatching(/catastrophic backtracking/) },
      { pointer: '/rules/2/when/value', message: expect.stringMatching(/was not checked .* may take 0 s in all; save again to go on/) },
    ]);
  });
});
