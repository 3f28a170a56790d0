import { tokenize } from './tokenize.js';

interface IndexedKeyword {
  id: number;
  tokens: string[];
}

/**
 * Every text keyword of a rule set, indexed by its first token, so one pass over
 * a message's tokens finds all keywords that occur: O(words), not O(rules × keywords).
 */
export class KeywordIndex {
  private readonly idsByPhrase = new Map<string, number>();
  private readonly byFirstToken = new Map<string, IndexedKeyword[]>();
  private seen = new Uint32Array(0);
  private stamp = 0;

  /** Registers a keyword (validated to have tokens) and returns its id. */
  add(keyword: string): number {
    const tokens = tokenize(keyword);
    const phrase = tokens.join(' ');
    let id = this.idsByPhrase.get(phrase);
    if (id === undefined) {
      id = this.idsByPhrase.size;
      this.idsByPhrase.set(phrase, id);
      const first = tokens[0]!;
      const bucket = this.byFirstToken.get(first);
      if (bucket) bucket.push({ id, tokens });
      else this.byFirstToken.set(first, [{ id, tokens }]);
    }
    return id;
  }

  get size(): number {
    return this.idsByPhrase.size;
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
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      const bucket = this.byFirstToken.get(tokens[i]!);
      if (!bucket) continue;
      for (const keyword of bucket) {
        if (this.seen[keyword.id] === stamp || !occursAt(tokens, i, keyword.tokens)) continue;
        this.seen[keyword.id] = stamp;
        found.push(keyword.id);
      }
    }
    return { found, seen: this.seen, stamp };
  }

  private nextStamp(): number {
    this.stamp = (this.stamp % 0xfffffffe) + 1;
    if (this.stamp === 1) this.seen.fill(0);
    return this.stamp;
  }
}

function occursAt(tokens: string[], start: number, phrase: string[]): boolean {
  if (start + phrase.length > tokens.length) return false;
  for (let j = 1; j < phrase.length; j++) if (tokens[start + j] !== phrase[j]) return false;
  return true;
}
