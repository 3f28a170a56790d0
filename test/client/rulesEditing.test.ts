import { describe, expect, it } from 'vitest';
import type { RuleSet } from '../../client/src/api/rules.js';
import { describeCondition, operatorsFor, valueKind, withField, withOperator } from '../../client/src/rules/conditionModel.js';
import { FIELD_TYPES, type FieldName } from '../../server/routing/fields.js';
import { OPERATOR_FIELD_TYPES } from '../../server/routing/operators.js';
import { validateLeaf } from '../../server/routing/validateLeaf.js';
import { errorsUnder } from '../../client/src/rules/ruleSetEdits.js';
import { applyEdit, workingCopyOf } from '../../client/src/rules/workingCopy.js';

const ruleSet: RuleSet = {
  rules: [
    { id: 'a', when: { field: 'text', op: 'containsAny', value: ['refund'] }, then: { tier: 2, team: 'helpdesk' } },
    { id: 'b', when: { all: [{ field: 'channel', op: 'eq', value: 'dm' }, { not: { field: 'customer.vip', op: 'eq', value: true } }] }, then: { tier: 1, team: 'care' } },
    { id: 'c', when: { any: [] }, then: { tier: 0, team: 'bot' } },
  ],
  fallback: { tier: 1, team: 'care' },
};

describe('rule editing', () => {
  it('offers the operators routing.md allows, and the input each value needs', () => {
    expect(operatorsFor('author.followers')).toContain('between');
    expect(operatorsFor('customer.tags')).not.toContain('eq');
    expect(valueKind('number', 'between')).toBe('range');
    expect(valueKind('string', 'containsAll')).toBe('list');
    expect(valueKind('string', 'exists')).toBe('boolean');
    expect(valueKind('instant', 'within')).toBe('within');
    expect(valueKind('boolean', 'eq')).toBe('boolean');
  });

  it('offers exactly the operators the server accepts on each field, in the editor\'s order', () => {
    const string = ['eq', 'neq', 'in', 'matches', 'exists'];
    const number = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'exists'];
    const boolean = ['eq', 'neq', 'exists'];
    const array = ['containsAny', 'containsAll', 'exists'];
    const expected: Record<FieldName, string[]> = {
      text: ['containsAny', 'containsAll', 'matches', 'eq', 'neq', 'in'],
      channel: string, platform: string, kind: string, lang: string, 'author.handle': string,
      'author.followers': number, 'attachments.count': number,
      'author.verified': boolean, 'customer.vip': boolean,
      'customer.tags': array, detected: array,
      createdAt: ['within'],
    };
    for (const field of Object.keys(FIELD_TYPES) as FieldName[]) {
      expect(operatorsFor(field), field).toEqual(expected[field]);
      for (const op of Object.keys(OPERATOR_FIELD_TYPES)) {
        const errors: Array<{ pointer: string; message: string }> = [];
        validateLeaf({ field, op }, '', errors);
        expect(operatorsFor(field).includes(op as never), `${field} ${op}`).toBe(!errors.some((error) => error.pointer === '/op'));
      }
    }
  });

  it('keeps what still fits when the field or operator changes, and resets what does not', () => {
    const leaf = { field: 'text', op: 'containsAny', value: ['refund'] };
    expect(withField(leaf, 'detected')).toEqual({ field: 'detected', op: 'containsAny', value: ['refund'] });
    expect(withField(leaf, 'author.followers')).toEqual({ field: 'author.followers', op: 'eq', value: 0 });
    expect(withOperator({ field: 'author.followers', op: 'gte', value: 10 }, 'lt')).toEqual({ field: 'author.followers', op: 'lt', value: 10 });
    expect(withOperator({ field: 'author.followers', op: 'gte', value: 10 }, 'between')).toEqual({ field: 'author.followers', op: 'between', value: [0, 100] });
  });

  it('reads a condition in one line', () => {
    expect(describeCondition(ruleSet.rules[1]!.when)).toBe('channel eq "dm" and not customer.vip eq true');
    expect(describeCondition(ruleSet.rules[2]!.when)).toBe('never');
    expect(describeCondition({ any: [{ all: [] }, { field: 'text', op: 'matches', value: 'a+', flags: 'i' }] })).toBe('(always) or text matches "a+" /i');
  });

  it('moves rules with their keys, so the list keeps each rule\'s editor state', () => {
    const copy = workingCopyOf(ruleSet);
    const moved = applyEdit(copy, { type: 'move', from: 2, to: 0 });
    expect(moved.ruleSet.rules.map((rule) => rule.id)).toEqual(['c', 'a', 'b']);
    expect(moved.keys).toEqual([copy.keys[2], copy.keys[0], copy.keys[1]]);
    expect(moved.dirty).toBe(true);
    expect(applyEdit(copy, { type: 'move', from: 1, to: 1 })).toBe(copy);
    const added = applyEdit(applyEdit(copy, { type: 'add' }), { type: 'add' });
    expect(added.ruleSet.rules.map((rule) => rule.id).slice(3)).toEqual(['new-rule-1', 'new-rule-2']);
    expect(new Set(added.keys).size).toBe(5);
    expect(applyEdit(copy, { type: 'remove', index: 0 }).ruleSet.rules.map((rule) => rule.id)).toEqual(['b', 'c']);
  });

  it('finds the errors that point at a place or inside it', () => {
    const errors = [
      { pointer: '/rules/1/when/all/0/value', message: 'x' },
      { pointer: '/rules/10/id', message: 'y' },
      { pointer: '/rules/1', message: 'z' },
    ];
    expect(errorsUnder(errors, '/rules/1').map((e) => e.message)).toEqual(['x', 'z']);
    expect(errorsUnder(errors, '/rules/1', true).map((e) => e.message)).toEqual(['z']);
  });
});
