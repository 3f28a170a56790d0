/** Payment card numbers in text (routing.md §3 `card`): network prefixes and lengths, printed groupings, Luhn. */
import type { TextSpan } from './textSpan.js';

interface Network {
  name: string;
  /** Issuer prefix ranges, as [low, high] over prefixes of the same number of digits. */
  prefixes: Array<[string, string]>;
  lengths: number[];
}

const NETWORKS: Network[] = [
  { name: 'Visa', prefixes: [['4', '4']], lengths: [13, 16, 19] },
  { name: 'Mastercard', prefixes: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { name: 'American Express', prefixes: [['34', '34'], ['37', '37']], lengths: [15] },
  { name: 'Discover', prefixes: [['6011', '6011'], ['644', '649'], ['65', '65'], ['622126', '622925']], lengths: [16, 17, 18, 19] },
  { name: 'JCB', prefixes: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { name: 'Diners Club', prefixes: [['300', '305'], ['3095', '3095'], ['36', '36'], ['38', '39']], lengths: [14, 15, 16, 17, 18, 19] },
  { name: 'UnionPay', prefixes: [['62', '62'], ['81', '81']], lengths: [16, 17, 18, 19] },
  {
    name: 'Maestro',
    prefixes: [['5018', '5018'], ['5020', '5020'], ['5038', '5038'], ['5893', '5893'], ['6304', '6304'], ['6759', '6759'], ['6761', '6763']],
    lengths: [13, 14, 15, 16, 17, 18, 19],
  },
];

/** Group lengths a network prints (besides no grouping at all); each also fixes the total length. */
const GROUPINGS: readonly (readonly number[])[] = [
  [4, 4, 4, 4],
  [4, 4, 4, 4, 3],
  [4, 6, 5],
  [4, 6, 4],
];

// A run of digit groups joined by single spaces or single dashes.
const DIGIT_GROUP_RUN = /\d+(?:[ -]\d+)*/g;

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

/** Whether these digits (no separators) have a card network's issuer prefix and length, and pass Luhn. */
export function isCardDigits(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  const fitsNetwork = NETWORKS.some(
    (network) =>
      network.lengths.includes(digits.length) &&
      network.prefixes.some(([low, high]) => {
        const prefix = digits.slice(0, low.length);
        return prefix >= low && prefix <= high;
      }),
  );
  return fitsNetwork && passesLuhn(digits);
}

/**
 * Every card number in the text: each ungrouped group of digits taken whole, and
 * every window of consecutive whole groups (one separator kind) in a printed grouping.
 */
export function findCardNumbers(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const run of text.matchAll(DIGIT_GROUP_RUN)) {
    if (run[0].length < 13) continue;
    const groups = splitGroups(run[0], run.index);
    for (let first = 0; first < groups.length; first++) {
      const whole = groups[first]!;
      if (isCardDigits(whole.digits)) spans.push({ start: whole.start, end: whole.end });
      for (const grouping of GROUPINGS) {
        const last = first + grouping.length - 1;
        if (last >= groups.length || !fitsGrouping(groups, first, grouping)) continue;
        const digits = groups.slice(first, last + 1).map((group) => group.digits).join('');
        if (isCardDigits(digits)) spans.push({ start: whole.start, end: groups[last]!.end });
      }
    }
  }
  return spans;
}

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
  /** The separator before this group ('' for the run's first). */
  separatorBefore: string;
}

function splitGroups(run: string, offset: number): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const group of run.matchAll(/\d+/g)) {
    const start = offset + group.index;
    groups.push({ digits: group[0], start, end: start + group[0].length, separatorBefore: group.index === 0 ? '' : run[group.index - 1]! });
  }
  return groups;
}

function fitsGrouping(groups: DigitGroup[], first: number, grouping: readonly number[]): boolean {
  const separator = groups[first + 1]?.separatorBefore;
  return grouping.every(
    (length, k) => groups[first + k]!.digits.length === length && (k === 0 || groups[first + k]!.separatorBefore === separator),
  );
}
