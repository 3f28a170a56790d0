/** A piece of message text: a link (shown, not followed) or plain text. */
export interface TextPart {
  text: string;
  link: boolean;
}

const LINK = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gi;

/** Splits text into plain runs and links, in order; joined back they give the text unchanged. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    // Trailing sentence punctuation belongs to the sentence, not the address.
    const link = match[0].replace(/[.,;:!?)\]]+$/, '');
    if (start > last) parts.push({ text: text.slice(last, start), link: false });
    parts.push({ text: link, link: true });
    last = start + link.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), link: false });
  return parts;
}
