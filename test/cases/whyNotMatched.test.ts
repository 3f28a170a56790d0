import { describe, expect, it } from 'vitest';
import type { ConditionProbe } from '../../server/cases/conditionProbe.js';
import { whyNotMatched } from '../../server/cases/whyNotMatched.js';
import type { Message } from '../../server/routing/index.js';

const message = { id: 'x:1', platform: 'x', channel: 'public', text: 'hello', createdAt: '2026-11-20T10:00:00Z', author: { id: '1' } } as Message;
// A single test needs no probing of parts.
const probe = {} as ConditionProbe;

describe('whyNotMatched', () => {
  it('names a short keyword list in full', () => {
    expect(whyNotMatched(probe, { field: 'text', op: 'containsAny', value: ['refund', 'money back'] }, '/rules/0/when', message)).toEqual({ pointer: '/rules/0/when', why: 'text containsAny [refund, money back] is false' });
  });

  it('names the first six words of a long list and how many more there are', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    expect(whyNotMatched(probe, { field: 'text', op: 'containsAny', value: words }, '/rules/3/when', message).why).toBe('text containsAny [word0, word1, word2, word3, word4, word5, … 34 more] is false');
  });
});
