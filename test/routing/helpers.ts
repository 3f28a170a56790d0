/** Shared helpers of the routing tests (not a test file itself). */
import { expect } from 'vitest';
import {
  compileRuleSet,
  routeMessage,
  validateRuleSet,
  type CompiledRuleSet,
  type Condition,
  type DecisionSpec,
  type Message,
  type Rule,
  type RuleSet,
} from '../../server/routing/index.js';

/** A minimal valid message: only the required properties, plus overrides (shallow). */
export function message(overrides: Record<string, unknown> = {}): Message {
  return {
    id: 'm1',
    platform: 'x',
    channel: 'public',
    text: '',
    createdAt: '2026-11-20T14:03:00Z',
    author: { id: '42' },
    ...overrides,
  } as Message;
}

export const FALLBACK: DecisionSpec = { tier: 1, team: 'care' };

/** A rule deciding tier 1 / team `t-<id>` (tier 1 so lint has nothing to say about replies). */
export function rule(id: string, when: Condition, extra: Partial<Rule> = {}): Rule {
  return { id, when, then: { tier: 1, team: `t-${id}` }, ...extra };
}

export function ruleSet(rules: Rule[], fallback: DecisionSpec = FALLBACK): RuleSet {
  return { rules, fallback };
}

/** Validates (failing the test with the errors when invalid) and compiles. */
export function compileValid(set: RuleSet): CompiledRuleSet {
  const validation = validateRuleSet(set);
  if (!validation.ok) {
    throw new Error(`rule set unexpectedly invalid: ${JSON.stringify(validation.errors)}`);
  }
  return compileRuleSet(set);
}

const singleRuleCache = new Map<string, CompiledRuleSet>();

/** A compiled set whose only rule `r` has this condition (cached by condition). */
export function compiledCondition(when: Condition): CompiledRuleSet {
  const key = JSON.stringify(when);
  let compiled = singleRuleCache.get(key);
  if (!compiled) {
    compiled = compileValid(ruleSet([rule('r', when)]));
    singleRuleCache.set(key, compiled);
  }
  return compiled;
}

/**
 * Whether `when` is true for the message, through the public router: a one-rule
 * set decides by `r` exactly when the condition holds. The fast path and the
 * explained path must agree.
 */
export function holds(when: Condition, msg: Message): boolean {
  const compiled = compiledCondition(when);
  const fast = routeMessage(compiled, msg);
  const explained = routeMessage(compiled, msg, { explain: true });
  expect(explained.ruleId).toBe(fast.ruleId);
  expect(explained.trace).toEqual([{ ruleId: 'r', result: fast.ruleId === 'r' ? 'matched' : 'no-match' }]);
  return fast.ruleId === 'r';
}

/** A leaf condition. */
export function leaf(field: string, op: string, value: unknown, flags?: string): Condition {
  return flags === undefined ? { field, op, value } : { field, op, value, flags };
}
