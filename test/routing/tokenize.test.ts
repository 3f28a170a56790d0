/**
 * Keyword tokenization and matching of routing.md §3: NFKC, ’ → ', lower-case;
 * tokens are maximal runs of \p{L}\p{N}\p{M}, an apostrophe between two such
 * characters stays inside; a keyword occurs when its tokens appear contiguously.
 */
import { describe, it, expect } from 'vitest';
import { tokenize, validateRuleSet } from '../../server/routing/index.js';
import { holds, leaf, message, rule, ruleSet } from './helpers.js';

const anyOf = (...keywords: string[]) => leaf('text', 'containsAny', keywords);
const occurs = (keyword: string, text: string) => holds(anyOf(keyword), message({ text }));

describe('tokenize', () => {
  it.each([
    // apostrophes
    ["don't", ["don't"]],
    ['don’t', ["don't"]],
    ["DON'T", ["don't"]],
    ["rock'n'roll", ["rock'n'roll"]],
    ["O’Reilly’s", ["o'reilly's"]],
    ["'quoted'", ['quoted']],
    ['‘quoted’', ['quoted']],
    ["users' guide", ['users', 'guide']],
    ["’tis", ['tis']],
    ["a''b", ['a', 'b']],
    ["'", []],
    ["' don't '", ["don't"]],
    ['ｄｏｎ＇ｔ', ["don't"]],
    // hashtags, punctuation, separators
    ['#Refund!', ['refund']],
    ['@AcmeHelp hi', ['acmehelp', 'hi']],
    ['refund_now', ['refund', 'now']],
    ['e-mail', ['e', 'mail']],
    ['charged\ttwice\nplease', ['charged', 'twice', 'please']],
    ['order 123456.', ['order', '123456']],
    ['', []],
    ['!!! ... ???', []],
    // compatibility forms (NFKC)
    ['ＲＥＦＵＮＤ', ['refund']],
    ['１２３', ['123']],
    ['ﬁnal', ['final']],
    // emoji
    ['refund😀please', ['refund', 'please']],
    ["don't 😀", ["don't"]],
    ['👍🏽', []],
    // right-to-left scripts
    ['مرحبا بالعالم', ['مرحبا', 'بالعالم']],
    ['مَرْحَبًا', ['مَرْحَبًا']],
    ['שלום עולם', ['שלום', 'עולם']],
    ['שָׁלוֹם', ['שָׁלוֹם']],
    ['refund مرحبا', ['refund', 'مرحبا']],
    ['١٢٣', ['١٢٣']],
    // combining marks
    ['cafe\u0301', ['caf\u00e9']],
    ['CAFE\u0301', ['caf\u00e9']],
    ['x\u0301y z', ['x\u0301y', 'z']],
    ['हिन्दी', ['हिन्दी']],
    ['ÉTÉ', ['été']],
    ["l'été", ["l'été"]],
  ] as Array<[string, string[]]>)('%j', (text, expected) => {
    expect(tokenize(text)).toEqual(expected);
  });

  it('gives the same tokens for ASCII text with or without other characters present', () => {
    expect(tokenize("Don't REFUND, charged-twice!")).toEqual(["don't", 'refund', 'charged', 'twice']);
    expect(tokenize("Don't REFUND, charged-twice! é")).toEqual(["don't", 'refund', 'charged', 'twice', 'é']);
  });
});

describe('keyword matching on text', () => {
  it.each([
    // [keyword, text, occurs]
    ["don't", "I don't know", true],
    ["don't", 'I don’t know', true],
    ["don’t", "I DON'T know", true],
    ["don't", 'I dont know', false],
    ["don't", 'I don t know', false],
    ['don', "I don't know", false],
    ['refund', '#Refund!', true],
    ['refund', 'REFUND', true],
    ['refund', 'refunded', false],
    ['refund', 'prerefund', false],
    ['#refund', 'please refund', true],
    ['refund', 'ＲＥＦＵＮＤ please', true],
    ['ｒｅｆｕｎｄ', 'refund please', true],
    ['refund', 'refund😀please', true],
    ['please', 'refund😀please', true],
    ['charged twice', 'charged😡twice', true],
    ['charged twice', 'charged  TWICE', true],
    ['charged twice', 'Charged, twice!', true],
    ['charged twice', 'charged\ntwice', true],
    ['charged twice', 'charged me twice', false],
    ['charged twice', 'twice charged', false],
    ['charged twice', 'charged', false],
    ['charged twice', 'charged twicee', false],
    ['مرحبا', 'مرحبا بالعالم', true],
    ['بالعالم', 'مرحبا بالعالم', true],
    ['عالم', 'مرحبا بالعالم', false],
    ['שלום', 'שלום עולם', true],
    ['caf\u00e9', 'CAFE\u0301 au lait', true],
    ['cafe\u0301', 'caf\u00e9', true],
    ['cafe', 'caf\u00e9', false],
    ["o'reilly", 'O’Reilly books', true],
  ] as Array<[string, string, boolean]>)('keyword %j in %j: %s', (keyword, text, expected) => {
    expect(occurs(keyword, text)).toBe(expected);
  });

  it('finds a phrase whose first token also occurs earlier in the text', () => {
    expect(occurs('charged twice', 'charged once, then charged twice')).toBe(true);
  });

  it('finds overlapping phrases', () => {
    expect(holds(leaf('text', 'containsAll', ['a b', 'b c']), message({ text: 'a b c' }))).toBe(true);
    expect(holds(leaf('text', 'containsAll', ['a b c', 'b']), message({ text: 'a b c' }))).toBe(true);
    expect(holds(leaf('text', 'containsAll', ['a b c', 'c d']), message({ text: 'a b c' }))).toBe(false);
  });
});

describe('a keyword with no token is invalid', () => {
  it.each([['!!!'], ['😀'], ["'"], ['   '], ['#'], ['']])('keyword %j is reported at its pointer', (bad) => {
    const set = ruleSet([
      rule('ok', anyOf('refund')),
      rule('bad', { any: [leaf('channel', 'eq', 'dm'), anyOf('refund', bad)] }),
    ]);
    const result = validateRuleSet(set);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.pointer)).toEqual(['/rules/1/when/any/1/value/1']);
    expect(result.errors[0]!.message.length).toBeGreaterThan(0);
  });

  it('applies to containsAll too', () => {
    const result = validateRuleSet(ruleSet([rule('a', leaf('text', 'containsAll', ['...', 'refund']))]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.pointer)).toEqual(['/rules/0/when/value/0']);
  });

  it('accepts keywords made of non-Latin letters, digits or marks', () => {
    expect(validateRuleSet(ruleSet([rule('a', anyOf('مرحبا', '123', 'שלום', 'ÉTÉ'))])).ok).toBe(true);
  });
});
