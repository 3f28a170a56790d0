/** Keyword tokenization of routing.md §3: NFKC, ’ → ', lower-case, runs of letters/digits/marks. */

const TOKEN = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/** Normalizes text the way keywords are compared. */
export function normalizeForKeywords(text: string): string {
  return text.normalize('NFKC').replace(/\u2019/g, "'").toLowerCase();
}

/** Splits text into keyword tokens. */
export function tokenize(text: string): string[] {
  return normalizeForKeywords(text).match(TOKEN) ?? [];
}
