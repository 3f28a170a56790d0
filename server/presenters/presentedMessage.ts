import type { Message } from '../routing/types.js';
import type { PresentedMedia } from './mediaLinks.js';

/*
 * A message of a case's thread as the API and the live events show it. Its
 * own file, importing only an import-free type module, because the client
 * uses it (type-only) and a client type-check cannot follow message.ts into
 * the store (node-only modules).
 */

/** One of our replies in a thread: the message, plus how its delivery is going. */
export interface PresentedReply extends Message {
  /** The reply's id (what POST /replies answered), stable while its network id is not yet known. */
  id: string;
  direction: 'out';
  status: 'queued' | 'sent' | 'failed';
  /** The network's id once sent ("x:123"), else null. */
  networkId: string | null;
  /** Why it failed, or why the last attempt failed while it is retried. */
  error: string | null;
  sentBy: { kind: 'user' | 'system'; id: string };
  sentAt: string | null;
}

/** A message of a thread: the customer's as it came in (routing.md §1), or one of our replies with its delivery; `media`: its attachments as they may be shown (checked links and thumbnails). */
export type PresentedMessage = (Message | PresentedReply) & { media: PresentedMedia[] };
