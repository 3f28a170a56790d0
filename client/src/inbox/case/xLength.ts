/** The most a public reply on X may weigh. */
export const X_MAX_LENGTH = 280;

/** X counts every link as this many characters, whatever its length. */
const URL_WEIGHT = 23;
const URL = /\bhttps?:\/\/[^\s]+|\bwww\.[^\s]+/gi;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20E3/u;
/** Code points X counts as one (Latin, Greek, Cyrillic, Hebrew, Arabic…, some punctuation); the rest count as two. */
const LIGHT: [number, number][] = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];

/**
 * A text's length as X counts it for the 280 limit (twitter-text's v3
 * weighting): NFC, links 23, an emoji 2 whatever its code points, CJK and
 * other heavy scripts 2 per character. The server enforces the limit; this
 * is the live counter beside the reply box.
 */
export function xLength(text: string): number {
  const normalized = text.normalize('NFC');
  let length = 0;
  let last = 0;
  for (const match of normalized.matchAll(URL)) {
    length += weigh(normalized.slice(last, match.index));
    length += URL_WEIGHT;
    last = match.index + match[0].length;
  }
  return length + weigh(normalized.slice(last));
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function weigh(text: string): number {
  let length = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) {
      length += 2;
      continue;
    }
    for (const char of segment) {
      const code = char.codePointAt(0) ?? 0;
      length += LIGHT.some(([from, to]) => code >= from && code <= to) ? 1 : 2;
    }
  }
  return length;
}
