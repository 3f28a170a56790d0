import { detect, type DetectedKind } from '../../../../server/routing/detectors.js';
import type { Case, Channel } from '../../api/types.js';

/** The channel a reply starts on: a DM for DM cases and for private (Tier 2) cases, where a public answer risks exposing the customer. */
export function defaultChannel(item: Pick<Case, 'channel' | 'tier'>): Channel {
  return item.channel === 'dm' || item.tier === 2 ? 'dm' : 'public';
}

/** The channels a case offers: a DM case has no public post to answer. */
export function channelsOf(item: Pick<Case, 'channel'>): Channel[] {
  return item.channel === 'dm' ? ['dm'] : ['public', 'dm'];
}

const KIND_WORDS: Record<DetectedKind, string> = { card: 'a card number', phone: 'a phone number', email: 'an email address' };

/** What a public reply would expose, as the server's detectors see it (the same implementation): null when nothing, or for a DM. */
export function personalDataWarning(text: string, channel: Channel): string | null {
  if (channel !== 'public') return null;
  const found = detect(text);
  return found.length === 0 ? null : found.map((kind) => KIND_WORDS[kind]).join(', ');
}
