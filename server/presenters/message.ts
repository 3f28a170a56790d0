import type { Message } from '../routing/index.js';
import { fromMessageDocument, messageIdOf, type MessageDocument } from '../store/index.js';

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

/** The one shape of a message (routing.md §1, as it came in; our replies with their delivery), for HTTP bodies and socket payloads alike. */
export function presentMessage(doc: MessageDocument): Message | PresentedReply {
  if (!doc.delivery) return fromMessageDocument(doc);
  const { delivery } = doc;
  return {
    ...fromMessageDocument(doc),
    id: doc._id,
    direction: 'out',
    status: delivery.status,
    networkId: delivery.status === 'sent' ? messageIdOf(doc) : null,
    error: delivery.error ?? null,
    sentBy: { kind: delivery.sender.kind, id: delivery.sender.id },
    sentAt: delivery.sentAt ? delivery.sentAt.toISOString() : null,
  };
}
