/**
 * Keyword matching of routing.md §3, written independently of the router so
 * that the json-rules-engine side checks it: NFKC, ’ → ', lower-case; tokens
 * are runs of letters, digits and marks, an apostrophe between two of them
 * staying inside.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}\p{N}\p{M}]+)*/gu;

/** A message text pre-tokenized once, as the json-rules-engine fact `textTokens`. */
export interface TokenizedText {
  tokens: string[];
  present: Set<string>;
}

/** Tokens of a text or keyword. */
export function keywordTokens(text: string): string[] {
  return text.normalize('NFKC').replaceAll('\u2019', "'").toLowerCase().match(TOKEN) ?? [];
}

/** Tokenizes a message text for keyword tests. */
export function tokenizeText(text: string): TokenizedText {
  const tokens = keywordTokens(text);
  return { tokens, present: new Set(tokens) };
}

/** A keyword as stored in an engine condition: its tokens joined by single spaces (tokens never hold spaces). */
export function normalizeKeyword(keyword: string): string {
  const tokens = keywordTokens(keyword);
  if (tokens.length === 0) throw new Error(`keyword ${JSON.stringify(keyword)} has no token`);
  return tokens.join(' ');
}

/** Whether a normalized keyword's token sequence occurs contiguously in the text, or (routing.md §3 v2) one token is its tokens written together. */
export function hasKeyword(text: TokenizedText, keyword: string): boolean {
  if (!keyword.includes(' ')) return text.present.has(keyword);
  const parts = keyword.split(' ');
  if (text.present.has(parts.join(''))) return true;
  if (!parts.every((part) => text.present.has(part))) return false;
  const { tokens } = text;
  for (let start = tokens.indexOf(parts[0]!); start !== -1; start = tokens.indexOf(parts[0]!, start + 1)) {
    let i = 1;
    while (i < parts.length && tokens[start + i] === parts[i]) i++;
    if (i === parts.length) return true;
  }
  return false;
}
