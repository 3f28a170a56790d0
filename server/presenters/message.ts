import { fromMessageDocument, messageIdOf, type MessageDocument } from '../store/index.js';
import { presentMedia } from './mediaLinks.js';
import type { PresentedMessage } from './presentedMessage.js';

export type { PresentedMessage, PresentedReply } from './presentedMessage.js';

/** The one shape of a message (routing.md §1, as it came in; our replies with their delivery), for HTTP bodies and socket payloads alike. */
export function presentMessage(doc: MessageDocument): PresentedMessage {
  const message = fromMessageDocument(doc);
  const media = presentMedia(message.attachments);
  if (!doc.delivery) return { ...message, media };
  const { delivery } = doc;
  return {
    ...message,
    media,
    id: doc._id,
    direction: 'out',
    status: delivery.status,
    networkId: delivery.status === 'sent' ? messageIdOf(doc) : null,
    error: delivery.error ?? null,
    sentBy: { kind: delivery.sender.kind, id: delivery.sender.id },
    sentAt: delivery.sentAt ? delivery.sentAt.toISOString() : null,
  };
}
