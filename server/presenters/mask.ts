import { CARD_CANDIDATE, EMAIL, isCardNumber, isPhoneNumber, PHONE_CANDIDATE } from '../routing/detectors.js';

const EMAILS = new RegExp(EMAIL.source, 'gu');

/**
 * The text with every e-mail address, card number and phone number the
 * router's detectors would find replaced by `[email]`, `[card]`, `[phone]`
 * (same patterns, so what routing calls personal data is what gets masked).
 * Cards go before phones, since a card number is also a long run of digits.
 */
export function maskPersonalData(text: string): string {
  // Masking one match can expose a neighbour the lookarounds had hidden, so repeat until nothing
  // changes. That ends: every replacement removes digits or an '@' and adds neither.
  let masked = text;
  for (let next = maskOnce(masked); next !== masked; next = maskOnce(masked)) masked = next;
  return masked;
}

function maskOnce(text: string): string {
  return text
    .replace(EMAILS, '[email]')
    .replace(CARD_CANDIDATE, (candidate) => (isCardNumber(candidate) ? '[card]' : candidate))
    .replace(PHONE_CANDIDATE, (candidate) => (isPhoneNumber(candidate) ? '[phone]' : candidate));
}
