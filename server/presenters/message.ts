import type { Message } from '../routing/index.js';
import { fromMessageDocument, type MessageDocument } from '../store/index.js';

/** The one shape of a message (routing.md §1, as it came in), for HTTP bodies and socket payloads alike. */
export function presentMessage(doc: MessageDocument): Message {
  return fromMessageDocument(doc);
}
