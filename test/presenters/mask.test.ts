import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../server/presenters/mask.js';
import { detect } from '../../server/routing/index.js';

describe('maskPersonalData', () => {
  it.each([
    ['write to jane.doe+care@mail.example.co.uk today', 'write to [email] today'],
    ['josé@correo.es', '[email]'],
    ['call (212) 555-0123 or +1 212 555 0199', 'call [phone] or [phone]'],
    ['order 12 4111 1111 1111 1111 34', 'order 12 [card] 34'],
    ['ring 0044 20 7946 0958', 'ring [phone]'],
    ['tracking 1234567890123, order 112-4567890-1234567', 'tracking 1234567890123, order 112-4567890-1234567'],
    ['card 4111-1111-1111-1111, exp 12/29', 'card [card], exp 12/29'],
    ['amex 378282246310005', 'amex [card]'],
    ['order 404-9391432-5602715 is late', 'order 404-9391432-5602715 is late'],
    ['order 123456 costs 42', 'order 123456 costs 42'],
    ['@AcmeHelp hello', '@AcmeHelp hello'],
  ])('masks %j as %j', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('masks numbers that only show once their neighbours are masked, however long the chain', () => {
    const chain = '212-555-0123+44 20 7946 0958'.repeat(30);
    expect(detect(chain)).not.toEqual([]);
    expect(detect(maskPersonalData(chain))).toEqual([]);
  });

  it('leaves nothing the router would detect as personal data', () => {
    const piece = fc.oneof(
      fc.constantFrom('jane@example.com', '(212) 555-0123', '+44 20 7946 0958', '4111 1111 1111 1111', '4111111111111111', ' ', '-', '.', '(', ')', '+', '@', 'a', 'é'),
      fc.stringMatching(/^[0-9 .()+-]{1,12}$/),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const masked = maskPersonalData(pieces.join(''));
        expect(detect(masked)).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});
