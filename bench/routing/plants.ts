import type { SeededRandom as Prng } from '../../server/simulator/x/prng.js';
import type { Trigger } from './triggers.js';

/** Text that makes the trigger's rule match, written the many ways customers write it. */
export function plantText(prng: Prng, trigger: Trigger): string | null {
  if (trigger.kind === 'keywords') return keywordVariant(prng, prng.pick(trigger.keywords));
  if (trigger.kind === 'regex') return referenceVariant(prng, trigger);
  return null;
}

function keywordVariant(prng: Prng, keyword: string): string {
  let text = keyword.includes("'") && prng.chance(0.5) ? keyword.replaceAll("'", '\u2019') : keyword;
  const roll = prng.next();
  const phrase = text.includes(' ');
  if (roll < 0.6) return text;
  if (roll < 0.72) return text[0]!.toUpperCase() + text.slice(1);
  if (roll < 0.8) return text.toUpperCase();
  if (roll < 0.86) return phrase ? `"${text}"` : `#${text}`;
  if (roll < 0.93) return text + prng.pick(['!', ',', '.', '?', '!!', '...']);
  if (roll < 0.98) return phrase ? text.replaceAll(' ', prng.pick(['  ', ' \n', '\t'])) : `(${text})`;
  // Full-width forms: NFKC folds them back to ASCII, so the keyword still occurs.
  text = [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
  return text;
}

function referenceVariant(prng: Prng, trigger: Extract<Trigger, { kind: 'regex' }>): string {
  const { prefix, digits, template, anyCase } = trigger;
  let word = prefix;
  if (anyCase) word = prng.pick([prefix, prefix[0]!.toUpperCase() + prefix.slice(1), prefix.toUpperCase()]);
  const number = prng.digits(digits);
  const end = prng.pick(['', '', ',', '.', '!', ')']);
  switch (template) {
    case 'spaced':
      return `${word}${prng.pick(['', ' ', '  ', ' '])}${prng.pick(['', '#'])}${number}${end}`;
    case 'labelled':
      return `${word}${prng.pick(['', ' number', ' no', ' no.'])}${prng.pick(['', ':'])}${prng.pick(['', ' '])}${prng.pick(['', '#'])}${number}${end}`;
    case 'separated':
      return `${word}${prng.pick(['', ' ', ': ', ' #', '-', '/'])}${number}${end}`;
  }
}

const NAMES = ['jane', 'john', 'maria', 'wei', 'ahmed', 'olga', 'sam', 'lee', 'aiko', 'omar'];
const EMOJI = ['\u{1F64F}', '\u{1F621}', '\u{1F600}', '\u{1F44D}', '\u{1F494}', '\u{1F525}'];

/** Personal data and other noise customers paste into posts: e-mails, phones, links, cards, emoji. */
export function noiseText(prng: Prng): string | null {
  const roll = prng.next();
  if (roll < 0.04) return `${prng.pick(NAMES)}.${prng.pick(NAMES)}${prng.digits(2)}@${prng.pick(['example.com', 'mail.example', 'acme.example'])}`;
  if (roll < 0.09) return phoneNumber(prng);
  if (roll < 0.13) return `https://acme.example/p/${prng.digits(3)}`;
  if (roll < 0.14) return cardNumber(prng);
  if (roll < 0.24) return prng.pick(EMOJI);
  return null;
}

/** A first name for handles and author names. */
export function personName(prng: Prng): string {
  return prng.pick(NAMES);
}

function phoneNumber(prng: Prng): string {
  switch (prng.int(0, 3)) {
    case 0:
      return `+1 (${prng.digits(3)}) ${prng.digits(3)}-${prng.digits(4)}`;
    case 1:
      return `${prng.digits(3)}.${prng.digits(3)}.${prng.digits(4)}`;
    case 2:
      return `+44 20 ${prng.digits(4)} ${prng.digits(4)}`;
    default:
      return `0${prng.digits(2)} ${prng.digits(3)} ${prng.digits(2)} ${prng.digits(2)}`;
  }
}

/** A Luhn-valid 16-digit card number, grouped by spaces or dashes. */
function cardNumber(prng: Prng): string {
  const body = `4${prng.digits(14)}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  const full = body + String((10 - (sum % 10)) % 10);
  const sep = prng.pick([' ', '-']);
  return full.match(/\d{4}/g)!.join(sep);
}
