import { findPersonalData } from '../routing/detectors.js';

/**
 * The text with every e-mail address, card number and phone number the
 * router's detectors find replaced by `[email]`, `[card]`, `[phone]`: the very
 * same spans (findPersonalData), so what routing calls personal data is what gets masked.
 */
export function maskPersonalData(text: string, regions?: readonly string[]): string {
  // Masking one number can expose a neighbour that a longer reading had hidden, so repeat until
  // nothing changes. That ends: every replacement removes digits or an '@' and adds neither.
  let masked = text;
  for (let next = maskOnce(masked, regions); next !== masked; next = maskOnce(masked, regions)) masked = next;
  return masked;
}

function maskOnce(text: string, regions: readonly string[] | undefined): string {
  let masked = '';
  let at = 0;
  for (const span of findPersonalData(text, regions)) {
    masked += `${text.slice(at, span.start)}[${span.kind}]`;
    at = span.end;
  }
  return masked + text.slice(at);
}
