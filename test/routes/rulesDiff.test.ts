import { describe, expect, it } from 'vitest';
import { diffRuleSets, isEmptyDiff } from '../../server/commands/rules/ruleSetDiff.js';
import type { Rule, RuleSet } from '../../server/routing/index.js';

const rule = (id: string, overrides: Partial<Rule> = {}): Rule => ({ id, when: { field: 'text', op: 'containsAny', value: [id] }, then: { tier: 1, team: 'care' }, ...overrides });
const set = (rules: Rule[], overrides: Partial<RuleSet> = {}): RuleSet => ({ rules, fallback: { tier: 1, team: 'care' }, ...overrides });

describe('diffRuleSets', () => {
  it('finds nothing between a set and itself, or a copy with defaults written out', () => {
    const before = set([rule('a'), rule('b')]);
    expect(isEmptyDiff(diffRuleSets(before, before))).toBe(true);
    const explicit = set([rule('a', { enabled: true, then: { tier: 1, team: 'care', priority: 'normal', tags: [] } }), rule('b')], { fallback: { tier: 1, team: 'care', tags: [] } });
    expect(diffRuleSets(before, explicit)).toEqual({ added: [], removed: [], changed: [], moved: [], fallbackChanged: false, nameChanged: false });
  });

  it('lists added and removed rules by id, in order', () => {
    const diff = diffRuleSets(set([rule('a'), rule('b'), rule('c')]), set([rule('x'), rule('b'), rule('y')]));
    expect(diff.added).toEqual(['x', 'y']);
    expect(diff.removed).toEqual(['a', 'c']);
    expect(diff.moved).toEqual([]);
  });

  it('names the parts of a kept rule that changed, ignoring key order', () => {
    const before = set([rule('a'), rule('b'), rule('c')]);
    const after = set([
      rule('a', { name: 'renamed', enabled: false }),
      { then: { team: 'care', tier: 1 }, when: { value: ['b'], op: 'containsAny', field: 'text' }, id: 'b' },
      rule('c', { when: { field: 'text', op: 'containsAny', value: ['other'] }, then: { tier: 2, team: 'helpdesk' } }),
    ]);
    expect(diffRuleSets(before, after).changed).toEqual([
      { id: 'a', parts: ['name', 'enabled'] },
      { id: 'c', parts: ['when', 'then'] },
    ]);
  });

  it('does not call rules moved when only an insertion or removal shifted them', () => {
    const diff = diffRuleSets(set([rule('a'), rule('b'), rule('c')]), set([rule('new'), rule('a'), rule('c')]));
    expect(diff.moved).toEqual([]);
  });

  it('reports the fewest moves that explain a new order', () => {
    expect(diffRuleSets(set([rule('a'), rule('b'), rule('c'), rule('d')]), set([rule('d'), rule('a'), rule('b'), rule('c')])).moved).toEqual([{ id: 'd', from: 3, to: 0 }]);
    expect(diffRuleSets(set([rule('a'), rule('b'), rule('c'), rule('d')]), set([rule('b'), rule('c'), rule('d'), rule('a')])).moved).toEqual([{ id: 'a', from: 0, to: 3 }]);
    const swapped = diffRuleSets(set([rule('a'), rule('b')]), set([rule('b'), rule('a')])).moved;
    expect(swapped).toHaveLength(1);
    const reversed = diffRuleSets(set(['a', 'b', 'c', 'd', 'e'].map((id) => rule(id))), set(['e', 'd', 'c', 'b', 'a'].map((id) => rule(id)))).moved;
    expect(reversed).toHaveLength(4);
  });

  it('says when the fallback or the name of the set changed', () => {
    const diff = diffRuleSets(set([], { name: 'old' }), set([], { name: 'new', fallback: { tier: 1, team: 'social' } }));
    expect(diff).toMatchObject({ fallbackChanged: true, nameChanged: true });
    expect(diffRuleSets(set([]), set([], { fallback: { tier: 1, team: 'care', priority: 'high' } })).fallbackChanged).toBe(true);
  });
});
