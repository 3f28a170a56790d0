/** Hands out corpus texts in a seeded order; after each full pass it varies them so 10,000 items stay distinct-ish. */
import type { SeededRandom } from './prng.js';

const OPENINGS = ['Hi, ', 'Hello? ', 'Update: ', 'Again - ', 'Hey, ', 'Still waiting. ', 'Quick one: ', ''];
const CLOSINGS = [' Please help.', ' Thanks.', ' Any update?', ' 😡', ' #fail', ' (2nd time asking)', ' DM me please.', ''];

/** Endless supply of texts drawn from a fixed list. */
export class TextCycler {
  private order: string[] = [];
  private position = 0;
  private pass = 0;

  constructor(private readonly texts: readonly string[], private readonly random: SeededRandom) {
    if (texts.length === 0) throw new Error('TextCycler needs at least one text');
  }

  /** The next text: the corpus as written on the first pass, lightly varied on later passes. */
  next(): string {
    if (this.position >= this.order.length) {
      this.order = this.random.shuffled(this.texts);
      this.position = 0;
      this.pass++;
    }
    const text = this.order[this.position++] as string;
    return this.pass === 1 ? text : this.vary(text);
  }

  private vary(text: string): string {
    const withOrder = this.random.chance(0.25) ? ` Order #${this.random.digits(3)}-${this.random.digits(7)}` : '';
    return `${this.random.pick(OPENINGS)}${text}${withOrder}${this.random.pick(CLOSINGS)}`;
  }
}
