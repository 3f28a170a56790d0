/**
 * Keyword forms of routing.md §3 v2: prefix keywords (`charg*`), phrases that
 * also match one token written together (`amazon pay` ~ "#amazonpay"), and
 * scripts without spaces matched as substrings of a run; their validation
 * (pointers) and lint's containment proofs over them.
 */
import { describe, it, expect } from 'vitest';
import { lintRuleSet, validateRuleSet } from '../../server/routing/index.js';
import { holds, leaf, message, rule, ruleSet } from './helpers.js';

const occurs = (keyword: string, text: string) => holds(leaf('text', 'containsAny', [keyword]), message({ text }));

describe('prefix keywords', () => {
  it.each([
    ['charg*', 'I was charged twice'],
    ['charg*', 'still charging me'],
    ['charg*', '#Charge'],
    ['refund*', 'refunded?'],
    ['money tak*', 'money taken from my account'],
    ['reembols*', 'quiero un reembolso'],
  ])('%j occurs in %j', (keyword, text) => {
    expect(occurs(keyword, text)).toBe(true);
  });

  it.each([
    ['charg*', 'a cha cha'],
    ['refund*', 'the fund'],
    ['money tak*', 'money is taking'],
  ])('%j does not occur in %j', (keyword, text) => {
    expect(occurs(keyword, text)).toBe(false);
  });

  it('leaves plain keywords whole-word', () => {
    expect(occurs('refund', 'refunded')).toBe(false);
  });
});

describe('phrases written as one token', () => {
  it.each([
    ['amazon pay', '#AmazonPay is broken'],
    ['log in', 'cannot login'],
    ['log in', 'cannot log in'],
    ['prime video', 'my primevideo app'],
    ['pay ment*', '#payments failing'],
  ])('%j occurs in %j', (keyword, text) => {
    expect(occurs(keyword, text)).toBe(true);
  });

  it('needs the whole token to be the phrase (or to start with it for a prefix)', () => {
    expect(occurs('log in', 'logins')).toBe(false);
    expect(occurs('charged twice', 'charged me twice')).toBe(false);
  });
});

describe('scripts without spaces', () => {
  it.each([
    ['パスワード', 'パスワードを忘れました'],
    ['返金', '返金してください'],
    ['退款', '我要退款！'],
    ['คืนเงิน', 'ขอคืนเงินด้วยครับ'],
    ['パスワード', 'iPhoneのﾊﾟｽﾜｰﾄﾞ'],
  ])('%j occurs in %j', (keyword, text) => {
    expect(occurs(keyword, text)).toBe(true);
  });

  it('does not match what is not there', () => {
    expect(occurs('返金', '配送が遅れています')).toBe(false);
  });
});

describe('validation', () => {
  it.each([
    ['log* in', 'may have one * only, at the end of its last word'],
    ['ch*', 'needs at least 3 letters before the *'],
    ['*refund', 'may have one * only'],
    ['refund**', 'may have one * only'],
  ])('refuses %j with a pointer', (keyword, message) => {
    const result = validateRuleSet(ruleSet([rule('a', leaf('text', 'containsAny', ['ok', keyword]))]));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([{ pointer: '/rules/0/when/value/1', message: expect.stringContaining(message) }]);
    }
  });
});

describe('lint over the new forms (sound)', () => {
  const shadowed = (earlier: string[], later: string[]) =>
    lintRuleSet(ruleSet([rule('a', leaf('text', 'containsAny', earlier)), rule('b', leaf('text', 'containsAny', later))])).some(
      (warning) => warning.ruleId === 'b' && warning.message.startsWith('shadowed by a'),
    );

  it('proves containment where every way of occurring is covered', () => {
    expect(shadowed(['charg*'], ['charged', 'charging fee*'])).toBe(true);
    expect(shadowed(['log in'], ['login'])).toBe(true);
    expect(shadowed(['返金'], ['返金して'])).toBe(true);
  });

  it('claims nothing a message can refute', () => {
    // "#refundplease" has the phrase written together, not the word refund.
    expect(shadowed(['refund'], ['refund please'])).toBe(false);
    // "#chargedtwiceagain" is neither charged twice nor charged.
    expect(shadowed(['charged'], ['charged twice again'])).toBe(false);
    expect(shadowed(['charged'], ['charg*'])).toBe(false);
    // "log in" written as two words has no token "login".
    expect(shadowed(['login'], ['log in'])).toBe(false);
    expect(shadowed(['返金して'], ['返金'])).toBe(false);
  });
});
