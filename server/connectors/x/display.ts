import type { XEntities, XTweet } from './payloads.js';

/** A link in a message's text (UTF-16 offsets into `text`, end exclusive) with what it stands for. */
export interface MessageLink {
  start: number;
  end: number;
  /** The t.co address as it appears in the text. */
  url: string;
  /** Where it leads. */
  expandedUrl: string;
  /** The short form X shows (e.g. "acme.com/orders/…"). */
  displayUrl?: string;
}

/** What the inbox needs to show a post as X does: its links expanded, its leading @mentions muted. */
export interface MessageDisplay {
  links?: MessageLink[];
  /** UTF-16 length of the leading @mentions (the brand's among them) a reader skims past: shown muted. */
  mutedPrefixLength?: number;
}

const ESCAPES: Array<[string, string]> = [['&amp;', '&'], ['&lt;', '<'], ['&gt;', '>']];

/**
 * X's text unescaped once (`&amp;`, `&lt;`, `&gt;`), with where each code
 * point of the escaped and of the unescaped text lands in it (UTF-16
 * offsets): X counts entity offsets in code points, of the text as sent
 * (escaped); some implementations count the unescaped text, so both are kept.
 */
export class XText {
  readonly text: string;
  private readonly fromEscaped: number[] = [];
  private readonly fromPlain: number[] = [];

  constructor(raw: string) {
    let out = '';
    const chars = [...raw];
    for (let i = 0; i < chars.length; ) {
      const rest = chars.slice(i, i + 5).join('');
      const escape = ESCAPES.find(([escaped]) => rest.startsWith(escaped));
      const [consumed, produced] = escape ? [escape[0].length, escape[1]] : [1, chars[i]!];
      for (let k = 0; k < consumed; k++) this.fromEscaped.push(out.length);
      this.fromPlain.push(out.length);
      out += produced;
      i += consumed;
    }
    this.fromEscaped.push(out.length);
    this.fromPlain.push(out.length);
    this.text = out;
  }

  /** The UTF-16 range of an entity whose text is `needle`, trying X's escaped offsets, then unescaped ones, then the first occurrence. */
  locate(start: number, end: number, needle: string): [number, number] | undefined {
    for (const map of [this.fromEscaped, this.fromPlain]) {
      const a = map[start];
      const b = map[end];
      if (a !== undefined && b !== undefined && this.text.slice(a, b).toLowerCase() === needle.toLowerCase()) return [a, b];
    }
    const found = this.text.toLowerCase().indexOf(needle.toLowerCase());
    return found < 0 ? undefined : [found, found + needle.length];
  }

  /** A code-point offset of the escaped text as a UTF-16 offset of `text`. */
  offset(codePoint: number): number {
    return this.fromEscaped[Math.min(Math.max(0, codePoint), this.fromEscaped.length - 1)]!;
  }
}

/** Display hints of a post from its entities and display_text_range, as UTF-16 offsets of the unescaped text. */
export function displayOf(tweet: XTweet, text: XText, brandId: string): MessageDisplay {
  const entities: XEntities | undefined = tweet.note_tweet ? tweet.note_tweet.entities : tweet.entities;
  const display: MessageDisplay = {};
  const links: MessageLink[] = [];
  for (const url of entities?.urls ?? []) {
    const range = url.expanded_url ? text.locate(url.start, url.end, url.url) : undefined;
    if (range) links.push({ start: range[0], end: range[1], url: url.url, expandedUrl: url.expanded_url!, ...(url.display_url ? { displayUrl: url.display_url } : {}) });
  }
  if (links.length > 0) display.links = links;
  const muted = Math.max(text.offset(tweet.display_text_range?.[0] ?? 0), leadingMentionsEnd(entities, text, brandId));
  if (muted > 0) display.mutedPrefixLength = muted;
  return display;
}

/** Where the run of @mentions that opens the text ends (UTF-16, with the space after it), when the brand is among them; 0 otherwise. */
function leadingMentionsEnd(entities: XEntities | undefined, text: XText, brandId: string): number {
  const mentions = (entities?.mentions ?? [])
    .map((mention) => ({ mention, range: text.locate(mention.start, mention.end, `@${mention.username}`) }))
    .filter((item): item is { mention: typeof item.mention; range: [number, number] } => item.range !== undefined)
    .sort((a, b) => a.range[0] - b.range[0]);
  let end = 0;
  let brandSeen = false;
  for (const { mention, range } of mentions) {
    if (text.text.slice(end, range[0]).trim() !== '') break;
    end = range[1];
    if (mention.id === brandId) brandSeen = true;
  }
  if (!brandSeen) return 0;
  while (end < text.text.length && /\s/.test(text.text[end]!)) end++;
  return end;
}
