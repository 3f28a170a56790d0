/** A text keyword of routing.md §3 read once: its tokens, whether its last token is a prefix (`charg*`), and how it can occur. */
import { normalizeForKeywords, tokenize } from './tokenize.js';

export interface ParsedKeyword {
  /** Tokens, the last one without its `*`. */
  tokens: string[];
  /** The last token matches any token that starts with it. */
  prefix: boolean;
  /** Written in a script without spaces between words: occurs as a substring of such a run. */
  spaceless: boolean;
  /** The tokens written together (what a single text token must equal, or start with when prefix). */
  joined: string;
}

/** Scripts written without spaces between words, with their combining marks and iteration/length marks. */
export const SPACELESS_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}ー々〆ヶ][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}ー々〆ヶ\p{M}]*/gu;
const ONLY_SPACELESS = new RegExp(`^(?:${SPACELESS_RUN.source})$`, 'u');
const MIN_PREFIX = 3;

/** Reads a keyword; null when it has no token (invalid). Call keywordProblem first for a reason. */
export function parseKeyword(keyword: string): ParsedKeyword | null {
  const tokens = tokenize(keyword);
  if (tokens.length === 0) return null;
  const prefix = /[\p{L}\p{N}\p{M}]\*\s*$/u.test(normalizeForKeywords(keyword));
  const spaceless = tokens.every((token) => ONLY_SPACELESS.test(token));
  return { tokens, prefix, spaceless, joined: tokens.join('') };
}

/** Why a text keyword is invalid, or null. */
export function keywordProblem(keyword: string): string | null {
  const normalized = normalizeForKeywords(keyword);
  const tokens = tokenize(keyword);
  if (tokens.length === 0) return 'has no letters or digits to match';
  const stars = normalized.split('*').length - 1;
  if (stars === 0) return null;
  if (stars > 1 || !/[\p{L}\p{N}\p{M}]\*\s*$/u.test(normalized)) return 'may have one * only, at the end of its last word (refund* matches refunded)';
  if ([...tokens[tokens.length - 1]!].length < MIN_PREFIX) return `needs at least ${MIN_PREFIX} letters before the *`;
  return null;
}

/** Whether text `token` (a whole text token, or a spaceless run) contains an occurrence of `keyword` on its own. */
function tokenCovers(keyword: ParsedKeyword, token: string, tokenIsPrefix: boolean): boolean {
  if (keyword.spaceless) return token.includes(keyword.joined);
  if (keyword.prefix) return token.startsWith(keyword.joined);
  return !tokenIsPrefix && token === keyword.joined;
}

/**
 * Whether `later` occurring anywhere forces `earlier` to occur (a proof, for lint's soundness):
 * every way `later` can occur — its token sequence, its tokens written together, a
 * substring of a spaceless run — must contain an occurrence of `earlier`.
 */
export function keywordImplies(later: ParsedKeyword, earlier: ParsedKeyword): boolean {
  if (later.spaceless || earlier.spaceless) {
    // A spaceless keyword only occurs as a substring of a run, so only another spaceless one can be forced.
    return later.spaceless && earlier.spaceless && later.joined.includes(earlier.joined);
  }
  const joinedForm = tokenCovers(earlier, later.joined, later.prefix);
  if (later.tokens.length === 1) return joinedForm;
  return joinedForm && sequenceFormImplies(later, earlier);
}

/** Whether later's token sequence contains an occurrence of earlier (as a sub-sequence or inside one token). */
function sequenceFormImplies(later: ParsedKeyword, earlier: ParsedKeyword): boolean {
  const last = later.tokens.length - 1;
  if (later.tokens.some((token, i) => tokenCovers(earlier, token, i === last && later.prefix))) return true;
  const wanted = earlier.tokens;
  for (let start = 0; start + wanted.length <= later.tokens.length; start++) {
    const fits = wanted.every((token, k) => {
      const at = start + k;
      const laterIsPrefix = at === last && later.prefix;
      const earlierIsPrefix = k === wanted.length - 1 && earlier.prefix;
      if (earlierIsPrefix) return later.tokens[at]!.startsWith(token);
      return !laterIsPrefix && later.tokens[at] === token;
    });
    if (fits) return true;
  }
  return false;
}
