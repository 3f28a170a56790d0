import { messageIdOf, type CaseDocument, type MessageDocument } from '../store/index.js';
import { maskPersonalData } from './mask.js';
import type { PresentedThread } from './presentedThread.js';

export type { PresentedThread, PresentedThreadMessage } from './presentedThread.js';

/**
 * The monitor's shape of a public case and its public messages, personal data masked. Our replies appear
 * once the network has them: a queued or failed reply was never public.
 */
export function presentThread(doc: CaseDocument, messages: readonly MessageDocument[]): PresentedThread {
  return {
    id: doc._id,
    platform: doc.platform,
    threadId: doc.threadId,
    team: doc.team,
    status: doc.status,
    tags: [...doc.tags],
    createdAt: doc.createdAt.toISOString(),
    lastActivityAt: doc.lastActivityAt.toISOString(),
    messages: messages.filter(isPublished).map((message) => ({
      id: messageIdOf(message),
      createdAt: message.createdAt.toISOString(),
      author: { handle: message.author.handle ?? null, name: message.author.name ? maskPersonalData(message.author.name) : null },
      text: maskPersonalData(message.text),
      lang: message.lang ?? null,
    })),
  };
}

function isPublished(message: MessageDocument): boolean {
  return !message.delivery || message.delivery.status === 'sent';
}
