/** Personal-data detectors behind the `detected` field (routing.md §3). */

export type DetectedKind = 'email' | 'phone' | 'card';

// The lookbehind starts a match only at the beginning of a run, keeping the scan linear.
export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
// Digits grouped by single spaces or dashes; the lookarounds keep a candidate from
// starting or ending inside a longer run of digits.
export const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
// Phone: optional +, then digits with separators, not the tail of a longer digit run
// (order numbers like 404-9391432-5602714); length checked on the digits alone.
export const PHONE_CANDIDATE = /(?<![\w+]|\d[ .-])\+?\(?\d(?:[ .\-()]{0,2}\d){6,}\)?/g;

/** Luhn checksum over a string of digits. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Whether a CARD_CANDIDATE match is a card number (also used to mask them). */
export function isCardNumber(candidate: string): boolean {
  // Grouping must use one separator kind consistently (no "1234 5678-…").
  if (candidate.includes(' ') && candidate.includes('-')) return false;
  const digits = candidate.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

/** Whether a PHONE_CANDIDATE match is a phone number (also used to mask them). */
export function isPhoneNumber(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15;
}

function hasCard(text: string): boolean {
  for (const match of text.matchAll(CARD_CANDIDATE)) if (isCardNumber(match[0])) return true;
  return false;
}

function hasPhone(text: string): boolean {
  for (const match of text.matchAll(PHONE_CANDIDATE)) if (isPhoneNumber(match[0])) return true;
  return false;
}

/** Kinds of personal data found in the text, each at most once, in a fixed order. */
export function detect(text: string): DetectedKind[] {
  const found: DetectedKind[] = [];
  if (EMAIL.test(text)) found.push('email');
  if (hasPhone(text)) found.push('phone');
  if (hasCard(text)) found.push('card');
  return found;
}
