/**
 * Detectors behind `detected` (routing.md §3): email (an e-mail address), phone
 * (7 to 15 digits, allowing spaces, dots, dashes, parentheses and a leading +),
 * card (13 to 19 digits, optionally grouped by single spaces or dashes, passing
 * the Luhn check). Each kind is reported at most once.
 */
import { describe, it, expect } from 'vitest';
import { detect } from '../../server/routing/index.js';
import { holds, leaf, message } from './helpers.js';

type Kind = 'email' | 'phone' | 'card';

function kinds(text: string): Kind[] {
  const found = detect(text);
  expect(new Set(found).size).toBe(found.length); // each kind at most once
  return [...found].sort();
}

describe('email', () => {
  it.each([
    'jane@example.com',
    'Write to J.Doe+care@mail.example.co.uk today',
    'mail: JANE_DOE@EXAMPLE.ORG.',
    'josé@correo.es',
  ])('detects an address in %j', (text) => {
    expect(kinds(text)).toEqual(['email']);
  });

  it.each(['@AcmeHelp hello', 'jane at example dot com', 'jane@', '@example.com', 'hello world'])(
    'detects no address in %j',
    (text) => {
      expect(kinds(text)).toEqual([]);
    },
  );
});

describe('phone', () => {
  it.each([
    ['7 digits with a dash', '555-1234'],
    ['7 digits plain', 'call 1234567'],
    ['dots', '555.123.4567'],
    ['spaces', '06 12 34 56 78'],
    ['parentheses and a dash', '(555) 123-4567'],
    ['leading + and parentheses', '+1 (555) 123-4567'],
    ['leading + and spaces', '+44 20 7946 0958'],
    ['15 digits with a leading +', '+123456789012345'],
    ['12 digits (Luhn-valid but too short for a card)', '411111111117'],
    ['inside a sentence', 'please call me on 555 123 4567 after 5'],
  ])('detects a phone number: %s', (_label, text) => {
    expect(kinds(text)).toEqual(['phone']);
  });

  it.each([
    ['6 digits with a dash (too short)', '123-456'],
    ['6 digits (an order number)', 'order 123456 is late'],
    ['16 digits with a leading + (too long)', '+1234567890123456'],
    ['16 digits failing Luhn (too long for a phone, not a card)', '1234 5678 9012 3456'],
    ['20 digits', '12345678901234567890'],
    ['a short number', 'I am 42'],
  ])('detects no phone number: %s', (_label, text) => {
    expect(kinds(text)).not.toContain('phone');
    expect(kinds(text)).toEqual([]);
  });

  it('reports phone once for two numbers', () => {
    expect(detect('call 555-1234 or 555-9876')).toEqual(['phone']);
  });
});

describe('card', () => {
  it.each([
    ['16 digits grouped by single spaces', '4111 1111 1111 1111'],
    ['16 digits grouped by single dashes', '4111-1111-1111-1111'],
    ['16 digits ungrouped', '4111111111111111'],
    ['Mastercard test number', '5500 0000 0000 0004'],
    ['19 digits', '6011000000000000001'],
    ['19 digits grouped', '6011 0000 0000 0000 001'],
    ['inside a sentence', 'My card 4111 1111 1111 1111 was charged'],
    ['followed by a full stop', 'number: 4111-1111-1111-1111.'],
  ])('detects a card: %s', (_label, text) => {
    expect(kinds(text)).toEqual(['card']);
  });

  // 13 to 15 digits are also 7 to 15 digits: these are phone-shaped too.
  it.each([
    ['15-digit Amex 378282246310005', '378282246310005'],
    ['Amex grouped 4-6-5', '3782 822463 10005'],
    ['13 digits', '4222222222222'],
  ])('detects a card (and a phone-shaped number): %s', (_label, text) => {
    expect(kinds(text)).toEqual(['card', 'phone']);
  });

  it.each([
    ['16 digits failing Luhn, spaces', '4111 1111 1111 1112'],
    ['16 digits failing Luhn, dashes', '4111-1111-1111-1112'],
    ['16 digits failing Luhn', '1234567890123456'],
    ['double-space grouping', '4111  1111  1111  1111'],
    ['double-dash grouping', '4111--1111--1111--1111'],
    ['20 digits passing Luhn (too long)', '41111111111111111115'],
  ])('detects no card: %s', (_label, text) => {
    expect(kinds(text)).not.toContain('card');
  });

  it('does not treat a 15-digit double-spaced group as a card', () => {
    expect(kinds('3782  822463  10005')).not.toContain('card');
  });

  it('reports card once for two cards', () => {
    expect(detect('4111 1111 1111 1111 and 5500-0000-0000-0004')).toEqual(['card']);
  });
});

describe('several kinds and the detected field', () => {
  it('reports every kind found, each once', () => {
    expect(kinds('mail jane@example.com or bob@example.com, call +1 555 123 4567, card 4111 1111 1111 1111')).toEqual([
      'card',
      'email',
      'phone',
    ]);
  });

  it('finds nothing in ordinary text', () => {
    expect(kinds('I was charged twice, please refund')).toEqual([]);
    expect(kinds('')).toEqual([]);
  });

  it('is what the detected field tests', () => {
    const anyCard = leaf('detected', 'containsAny', ['card']);
    expect(holds(anyCard, message({ text: 'card 4111-1111-1111-1111 please' }))).toBe(true);
    expect(holds(anyCard, message({ text: 'card 4111-1111-1111-1112 please' }))).toBe(false);
    const allThree = leaf('detected', 'containsAll', ['email', 'phone', 'card']);
    expect(holds(allThree, message({ text: 'a@b.co, call 555-1234, card 4111111111111111' }))).toBe(true);
    expect(holds(allThree, message({ text: 'a@b.co 4111111111111111' }))).toBe(false);
  });
});
