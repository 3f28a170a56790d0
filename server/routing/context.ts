import { detect, type DetectedKind } from './detectors.js';
import { foldCase, readTags } from './fields.js';
import type { Message } from './types.js';

/** Per-message facts computed at most once while routing it (lazily: most rules need few). */
export class MessageContext {
  private detectedKinds: Set<DetectedKind> | undefined;
  private foldedTags: Set<string> | undefined;
  private instant: number | undefined;

  /**
   * @param keywordSeen stamp per keyword id of the compiled set; a keyword occurs when its stamp equals `stamp`.
   */
  constructor(
    readonly message: Message,
    private readonly keywordSeen: Uint32Array,
    private readonly stamp: number,
    private readonly phoneRegions: readonly string[],
  ) {}

  /** Whether the keyword with this id occurs in the text. */
  hasKeyword(id: number): boolean {
    return this.keywordSeen[id] === this.stamp;
  }

  /** Personal-data kinds detected in the text. */
  detected(): Set<DetectedKind> {
    this.detectedKinds ??= new Set(detect(this.message.text, this.phoneRegions));
    return this.detectedKinds;
  }

  /** customer.tags, case-folded. */
  tags(): Set<string> {
    this.foldedTags ??= new Set(readTags(this.message).map(foldCase));
    return this.foldedTags;
  }

  /** createdAt as epoch milliseconds (NaN when unparseable). */
  createdAtMs(): number {
    this.instant ??= Date.parse(this.message.createdAt);
    return this.instant;
  }
}
