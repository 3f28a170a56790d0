/** Keyword tokenization of routing.md §3: NFKC, ’ → ', lower-case, runs of letters/digits/marks. */

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;
// For printable ASCII text, NFKC is the identity and the only letters/digits are these: same tokens, much faster.
const ASCII_TOKEN = /[a-z0-9]+(?:'[a-z0-9]+)*/g;
const PRINTABLE_ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Normalizes text the way keywords are compared. */
export function normalizeForKeywords(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKC').replace(/\u2019/g, "'").toLowerCase();
}

/** Splits text into keyword tokens. */
export function tokenize(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().match(ASCII_TOKEN) ?? [];
  return normalizeForKeywords(text).match(TOKEN) ?? [];
}
