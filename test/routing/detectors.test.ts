/**
 * Detectors behind `detected` (routing.md §3): email (an e-mail address), phone
 * (what libphonenumber's text finder judges a valid number, international or
 * national in the rule set's regions, not announced as a reference, not a date,
 * time or amount), card (a card network's prefix and length, ungrouped or in a
 * printed grouping, Luhn), found anywhere in a longer run of digit groups. Each
 * kind is reported at most once.
 */
import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import { maskPersonalData } from '../../server/presenters/mask.js';
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
    ['US national with parentheses', '(212) 555-0123'],
    ['US national with dots', 'call 212.555.0123 after 5'],
    ['US national plain', 'call me on 2125550123'],
    ['international with +', '+44 20 7946 0958'],
    ['international with 00', 'ring 0044 20 7946 0958'],
    ['international without separators', '+33612345678'],
    ['after a short number and a space', 'qty 12 +44 20 7946 0958'],
  ])('detects a phone number: %s', (_label, text) => {
    expect(kinds(text)).toEqual(['phone']);
  });

  it.each([
    ['7 digits (no area code: not a valid US number)', '555-1234'],
    ['an order number', 'order 123456 is late'],
    ['an order number after a reference word', 'order 2125550123 never came'],
    ['a reference word two tokens before', 'tracking number 2125550123'],
    ['a hash', 'ticket #2125550123'],
    ['no.', 'docket no. 2125550123'],
    ['an Amazon order number', 'order 112-4567890-1234567'],
    ['a 13-digit tracking number', 'where is 9876543210987'],
    ['a 14-digit docket', 'docket 21255501234567'],
    ['an ISO date', 'since 2026-11-20'],
    ['a European date', 'since 20/11/2026'],
    ['a time', 'at 14:03'],
    ['an amount with a sign', 'paid $2125550123'],
    ['an amount with a code', 'paid 2125550123 USD'],
    ['a national number of a region not in the locale', '06 12 34 56 78'],
  ])('detects no phone number: %s', (_label, text) => {
    expect(kinds(text)).toEqual([]);
  });

  it('reads national numbers of the rule set\'s regions', () => {
    expect(detect('06 12 34 56 78', ['FR'])).toEqual(['phone']);
    expect(detect('020 7946 0958', ['GB', 'US'])).toEqual(['phone']);
    expect(detect('020 7946 0958', ['US'])).toEqual([]);
  });

  it('reports phone once for two numbers', () => {
    expect(detect('call (212) 555-0123 or +44 20 7946 0958')).toEqual(['phone']);
  });
});

describe('card', () => {
  it.each([
    ['16 digits grouped by single spaces', '4111 1111 1111 1111'],
    ['16 digits grouped by single dashes', '4111-1111-1111-1111'],
    ['16 digits ungrouped', '4111111111111111'],
    ['Mastercard test number', '5500 0000 0000 0004'],
    ['19-digit Discover', '6011000000000000001'],
    ['19 digits grouped 4-4-4-4-3', '6011 0000 0000 0000 001'],
    ['Amex ungrouped', '378282246310005'],
    ['Amex grouped 4-6-5', '3782 822463 10005'],
    ['Diners grouped 4-6-4', '3056 930902 5904'],
    ['13-digit Visa', '4222222222222'],
    ['inside a sentence', 'My card 4111 1111 1111 1111 was charged'],
    ['followed by a full stop', 'number: 4111-1111-1111-1111.'],
    ['after another number and a space', 'order 12 4111 1111 1111 1111 please'],
    ['between digit groups', 'qty 1 5500 0000 0000 0004 7'],
    ['announced as an order number (privacy first)', 'order # 4111111111111111'],
  ])('detects a card: %s', (_label, text) => {
    expect(kinds(text)).toEqual(['card']);
  });

  it.each([
    ['16 digits failing Luhn, spaces', '4111 1111 1111 1112'],
    ['16 digits failing Luhn', '1234567890123456'],
    ['double-space grouping', '4111  1111  1111  1111'],
    ['mixed separators', '4111 1111-1111 1111'],
    ['20 digits passing Luhn (an ungrouped run counts only whole)', '41111111111111111115'],
    ['a Luhn-valid Amazon 3-7-7 order number', 'order 404-9391432-5602714'],
    ['no network has this prefix', '9111 1111 1111 1111'],
    ['a grouping no network prints (4-4-4-3)', '3782 8224 6310 005'],
  ])('detects no card: %s', (_label, text) => {
    expect(kinds(text)).not.toContain('card');
  });

  it('reports card once for two cards', () => {
    expect(detect('4111 1111 1111 1111 and 5500-0000-0000-0004')).toEqual(['card']);
  });
});

/** Valid numbers to embed: test cards of every network and phones in international form. */
const CARDS = ['4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '5500 0000 0000 0004', '378282246310005', '3782 822463 10005', '6011 0000 0000 0000 001', '3530111333300000', '4222222222222'];
const PHONES = ['+44 20 7946 0958', '+1 212 555 0123', '+33 6 12 34 56 78', '+49 30 901820', '+81 3-1234-5678'];
const digitGroup = fc.stringMatching(/^[0-9]{1,5}$/);
const filler = fc.array(fc.constantFrom('hi', 'please', 'call', 'me', 'at', 'on', ',', '!', 'x'), { maxLength: 3 }).map((words) => words.join(' '));

describe('numbers embedded in other text (issue 14: detection and masking share one implementation)', () => {
  it('finds and masks any valid card wherever it stands among random digit groups', () => {
    fc.assert(
      fc.property(filler, fc.array(digitGroup, { maxLength: 3 }), fc.constantFrom(...CARDS), fc.array(digitGroup, { maxLength: 3 }), filler,
        (before, leading, card, trailing, after) => {
          const separator = card.includes('-') ? '-' : ' ';
          const text = [before, ...leading, card, ...trailing, after].join(separator === '-' ? ' ' : ' ');
          expect(detect(text)).toContain('card');
          const masked = maskPersonalData(text);
          expect(masked).toContain('[card]');
          expect(masked).not.toContain(card);
          expect(detect(masked)).not.toContain('card');
        }),
      { numRuns: 400 },
    );
  });

  it('finds and masks any valid phone number in international form beside random digits', () => {
    fc.assert(
      fc.property(filler, fc.array(digitGroup, { maxLength: 3 }), fc.constantFrom(...PHONES), filler, (before, leading, phone, after) => {
        const text = `${before} ${leading.join(' ')} ${phone} ${after}`;
        expect(detect(text)).toContain('phone');
        const masked = maskPersonalData(text);
        expect(masked).not.toContain(phone);
        expect(detect(masked)).not.toContain('phone');
      }),
      { numRuns: 300 },
    );
  });

  it('raises no alarm on references, dates, times and amounts, whatever the digits', () => {
    const reference = fc.tuple(
      fc.constantFrom('order', 'tracking', 'awb', 'ref', 'invoice', 'case', 'ticket', 'docket', 'booking', 'pnr', 'order no.', 'order #', '#'),
      fc.stringMatching(/^[2-9][0-9]{8,13}$/),
    ).map(([word, digits]) => `${word} ${digits}`);
    const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => {
      const [y, m, day] = d.toISOString().slice(0, 10).split('-');
      return `${y}-${m}-${day} ${day}/${m}/${y} ${d.toISOString().slice(11, 16)}`;
    });
    const amount = fc.tuple(fc.constantFrom('$', '£', '€', 'USD ', 'EUR '), fc.integer({ min: 1000000, max: 2147483647 })).map(([sign, n]) => `${sign}${n}`);
    fc.assert(
      fc.property(fc.oneof(reference, date, amount), (text) => {
        expect(detect(`@AcmeHelp ${text} please`)).not.toContain('phone');
      }),
      { numRuns: 500 },
    );
  });
});

describe('several kinds and the detected field', () => {
  it('reports every kind found, each once', () => {
    expect(kinds('mail jane@example.com or bob@example.com, call +1 212 555 0123, card 4111 1111 1111 1111')).toEqual([
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
    expect(holds(allThree, message({ text: 'a@b.co, call (212) 555-0123, card 4111111111111111' }))).toBe(true);
    expect(holds(allThree, message({ text: 'a@b.co 4111111111111111' }))).toBe(false);
  });
});
