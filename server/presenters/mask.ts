import { CARD_CANDIDATE, EMAIL, isCardNumber, isPhoneNumber, PHONE_CANDIDATE } from '../routing/detectors.js';

const EMAILS = new RegExp(EMAIL.source, 'gu');
const MAX_PASSES = 4;

/**
 * The text with every e-mail address, card number and phone number the
 * router's detectors would find replaced by `[email]`, `[card]`, `[phone]`
 * (same patterns, so what routing calls personal data is what gets masked).
 * Cards go before phones, since a card number is also a long run of digits.
 */
export function maskPersonalData(text: string): string {
  let masked = text;
  // Masking one match can expose a neighbour the lookarounds had hidden; repeat until nothing changes.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = maskOnce(masked);
    if (next === masked) return masked;
    masked = next;
  }
  return masked;
}

function maskOnce(text: string): string {
  return text
    .replace(EMAILS, '[email]')
    .replace(CARD_CANDIDATE, (candidate) => (isCardNumber(candidate) ? '[card]' : candidate))
    .replace(PHONE_CANDIDATE, (candidate) => (isPhoneNumber(candidate) ? '[phone]' : candidate));
}
