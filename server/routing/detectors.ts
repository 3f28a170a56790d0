/** Personal-data detectors behind the `detected` field (routing.md §3), and the one place that finds them: masking uses the same spans. */
import { findCardNumbers } from './cardNumbers.js';
import { findPhoneNumbers } from './phoneNumbers.js';
import { overlaps, type TextSpan } from './textSpan.js';

export type DetectedKind = 'email' | 'phone' | 'card';

export interface PersonalDataSpan extends TextSpan {
  kind: DetectedKind;
}

/** Regions whose national phone numbers are read when a rule set names none. */
export const DEFAULT_PHONE_REGIONS: readonly string[] = ['US'];

// The lookbehind starts a match only at the beginning of a run, keeping the scan linear.
export const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

const KIND_ORDER: readonly DetectedKind[] = ['email', 'phone', 'card'];

/**
 * Every e-mail address, card number and phone number in the text, without overlaps
 * (an address wins over digits inside it, a card over a phone reading of the same digits).
 */
export function findPersonalData(text: string, regions: readonly string[] = DEFAULT_PHONE_REGIONS): PersonalDataSpan[] {
  const found: PersonalDataSpan[] = [];
  const add = (kind: DetectedKind, spans: TextSpan[]) => {
    for (const span of spans) if (!found.some((known) => overlaps(known, span))) found.push({ kind, ...span });
  };
  add('email', [...text.matchAll(EMAIL)].map((match) => ({ start: match.index, end: match.index + match[0].length })));
  add('card', widestFirst(findCardNumbers(text)));
  add('phone', widestFirst(findPhoneNumbers(text, regions)));
  return found.sort((a, b) => a.start - b.start);
}

/** Kinds of personal data found in the text, each at most once, in a fixed order (email, phone, card). */
export function detect(text: string, regions: readonly string[] = DEFAULT_PHONE_REGIONS): DetectedKind[] {
  const kinds = new Set(findPersonalData(text, regions).map((span) => span.kind));
  return KIND_ORDER.filter((kind) => kinds.has(kind));
}

function widestFirst(spans: TextSpan[]): TextSpan[] {
  return spans.sort((a, b) => b.end - b.start - (a.end - a.start));
}
