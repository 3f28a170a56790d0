/** Phone numbers in text (routing.md §3 `phone`): what libphonenumber's own text finder judges valid, minus references, dates, times and amounts. */
import { findNumbers, type CountryCode } from 'libphonenumber-js/max';
import type { TextSpan } from './textSpan.js';

/** Words that announce a reference rather than a phone number, within the two tokens before the digits. */
const REFERENCE_WORDS = new Set([
  'order', 'tracking', 'awb', 'ref', 'reference', 'invoice', 'case', 'ticket', 'docket', 'booking', 'pnr',
  // The same announcements in the other languages the starter rules read.
  'pedido', 'commande', 'bestellung', 'ordine', 'encomenda', 'referencia', 'référence', 'referenz', 'riferimento',
]);
const ISO_CURRENCY_CODES = /(?:^|[^\p{L}])(?:usd|eur|gbp|jpy|cny|inr|rs|aud|cad|chf|mxn|brl|sek|nok|dkk|pln|zar|nzd|sgd|hkd)\s*$/iu;
const CURRENCY_AFTER = /^\s*(?:\p{Sc}|(?:usd|eur|gbp|jpy|cny|inr|aud|cad|chf|mxn|brl)(?![\p{L}]))/iu;
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
// "00" that starts a digit run is the international prefix most of the world dials instead of "+".
const DOUBLE_ZERO_PREFIX = /(?<![\d+])00(?=[1-9])/g;
const ENOUGH_DIGITS = /(?:\d\D{0,3}){7}/;

/** Every phone number in the text, read in international form or as a national number of one of the regions. */
export function findPhoneNumbers(text: string, regions: readonly string[]): TextSpan[] {
  if (!ENOUGH_DIGITS.test(text)) return [];
  // Same length, so positions found in `readable` are positions in `text`.
  const readable = text.replace(DOUBLE_ZERO_PREFIX, ' +');
  const spans: TextSpan[] = [];
  for (const region of regions.length > 0 ? regions : ['US']) {
    for (const match of findNumbers(readable, { defaultCountry: region as CountryCode, v2: true })) {
      // A "00" prefix became " +": the number starts at its first zero.
      const start = text.startsWith('00', match.startsAt - 1) && readable[match.startsAt - 1] === ' ' ? match.startsAt - 1 : match.startsAt;
      const span = { start, end: match.endsAt };
      // A number written in international form is a phone number whatever word comes before it.
      const international = /^(?:\+|00)/.test(text.slice(span.start, span.end));
      if ((!international && isAnnouncedReference(text, span)) || isDateTimeOrAmount(text, span)) continue;
      if (!spans.some((known) => known.start === span.start && known.end === span.end)) spans.push(span);
    }
  }
  return spans;
}

function isAnnouncedReference(text: string, span: TextSpan): boolean {
  const before = text.slice(Math.max(0, span.start - 60), span.start).toLowerCase();
  if (/#\s*$/.test(before)) return true;
  const words = before.match(/[\p{L}\p{N}.#:]+/gu) ?? [];
  return words.slice(-2).some((word) => {
    if (word.endsWith('#') || /^(?:no|nr|nº|n°)[.:]$/.test(word)) return true;
    return REFERENCE_WORDS.has(word.replace(/[.:#]+$/, ''));
  });
}

function isDateTimeOrAmount(text: string, span: TextSpan): boolean {
  const found = text.slice(span.start, span.end);
  if (DATE.test(found.trim())) return true;
  // A time (14:03) touching the digits.
  if (/^:\d/.test(text.slice(span.end, span.end + 2)) || /\d:$/.test(text.slice(Math.max(0, span.start - 2), span.start))) return true;
  const before = text.slice(Math.max(0, span.start - 8), span.start);
  if (/\p{Sc}\s*$/u.test(before) || ISO_CURRENCY_CODES.test(before)) return true;
  return CURRENCY_AFTER.test(text.slice(span.end, span.end + 6));
}
