import { parseKeyword, SPACELESS_RUN, type ParsedKeyword } from './keyword.js';
import { normalizeForKeywords, tokenize } from './tokenize.js';

interface IndexedKeyword {
  id: number;
  keyword: ParsedKeyword;
}

const PREFIX_KEY_LENGTH = 3;
const HAS_NON_ASCII = /[^\p{ASCII}]/u;

/**
 * Every text keyword of a rule set, indexed so that one pass over a message's
 * tokens finds all keywords that occur: O(words), not O(rules × keywords).
 * Token sequences are indexed by their first token, tokens written together
 * (`#amazonpay`) by the joined form, prefixes (`charg*`) by their first three
 * characters, and keywords in scripts without spaces are looked for in those runs.
 */
export class KeywordIndex {
  private readonly idsByKeyword = new Map<string, number>();
  private readonly byFirstToken = new Map<string, IndexedKeyword[]>();
  private readonly byJoinedToken = new Map<string, IndexedKeyword[]>();
  private readonly prefixesByStart = new Map<string, IndexedKeyword[]>();
  private readonly spaceless: IndexedKeyword[] = [];
  private seen = new Uint32Array(0);
  private stamp = 0;

  /** Registers a keyword (validated) and returns its id. */
  add(text: string): number {
    const keyword = parseKeyword(text)!;
    const key = `${keyword.tokens.join(' ')}${keyword.prefix ? '*' : ''}`;
    let id = this.idsByKeyword.get(key);
    if (id !== undefined) return id;
    id = this.idsByKeyword.size;
    this.idsByKeyword.set(key, id);
    const entry = { id, keyword };
    if (keyword.spaceless) {
      this.spaceless.push(entry);
      return id;
    }
    if (keyword.tokens.length > 1) pushTo(this.byFirstToken, keyword.tokens[0]!, entry);
    if (keyword.prefix) pushTo(this.prefixesByStart, keyword.joined.slice(0, PREFIX_KEY_LENGTH), entry);
    else pushTo(this.byJoinedToken, keyword.joined, entry);
    return id;
  }

  get size(): number {
    return this.idsByKeyword.size;
  }

  /**
   * Marks the keywords occurring in `text`; returns their ids and the stamp that
   * marks them in `seen` (valid until the next scan).
   */
  scan(text: string): { found: number[]; seen: Uint32Array; stamp: number } {
    if (this.seen.length !== this.size) this.seen = new Uint32Array(this.size);
    const stamp = this.nextStamp();
    const found: number[] = [];
    if (this.size === 0) return { found, seen: this.seen, stamp };
    const mark = (id: number) => {
      if (this.seen[id] === stamp) return;
      this.seen[id] = stamp;
      found.push(id);
    };
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      for (const { id } of this.byJoinedToken.get(token) ?? []) mark(id);
      if (token.length >= PREFIX_KEY_LENGTH) {
        for (const { id, keyword } of this.prefixesByStart.get(token.slice(0, PREFIX_KEY_LENGTH)) ?? []) {
          if (token.startsWith(keyword.joined)) mark(id);
        }
      }
      for (const { id, keyword } of this.byFirstToken.get(token) ?? []) if (occursAt(tokens, i, keyword)) mark(id);
    }
    if (this.spaceless.length > 0 && HAS_NON_ASCII.test(text)) this.scanSpacelessRuns(text, mark);
    return { found, seen: this.seen, stamp };
  }

  private scanSpacelessRuns(text: string, mark: (id: number) => void): void {
    const runs = normalizeForKeywords(text).match(SPACELESS_RUN);
    if (!runs) return;
    for (const { id, keyword } of this.spaceless) if (runs.some((run) => run.includes(keyword.joined))) mark(id);
  }

  private nextStamp(): number {
    this.stamp = (this.stamp % 0xfffffffe) + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }
}

function pushTo(map: Map<string, IndexedKeyword[]>, key: string, entry: IndexedKeyword): void {
  const bucket = map.get(key);
  if (bucket) bucket.push(entry);
  else map.set(key, [entry]);
}

/** Whether the keyword's token sequence starts at tokens[start] (the last token as a prefix when it ends with *). */
function occursAt(tokens: string[], start: number, keyword: ParsedKeyword): boolean {
  const phrase = keyword.tokens;
  if (start + phrase.length > tokens.length) return false;
  const last = phrase.length - 1;
  for (let j = 1; j < last; j++) if (tokens[start + j] !== phrase[j]) return false;
  const lastToken = tokens[start + last]!;
  return keyword.prefix ? lastToken.startsWith(phrase[last]!) : lastToken === phrase[last];
}
