import type { Message } from '../routing/index.js';
import { messageKey, toMessageDocument, type Store } from '../store/index.js';

export interface ApplyEditsProps {
  store: Store;
  /** Later versions of stored messages (same id, new text): an edited post on X. */
  messages: readonly Message[];
}

/**
 * Updates stored customer messages with their edited version: text, language,
 * attachments and the kept extra fields (links, muted prefix, edit time).
 * Routing is not run again (the case keeps its decision; the agent sees the
 * new text). Returns the changed messages' cases and ids, to announce them.
 */
export async function applyEdits({ store, messages }: ApplyEditsProps): Promise<{ caseIds: string[]; messageIds: string[] }> {
  const caseIds = new Set<string>();
  const messageIds: string[] = [];
  for (const message of messages) {
    const { platform, externalId } = messageKey(message);
    const edited = toMessageDocument(message);
    const updated = await store.collections.messages.findOneAndUpdate(
      { platform, externalId, delivery: null },
      { $set: { text: edited.text, lang: edited.lang, attachments: edited.attachments, extra: edited.extra } },
      { returnDocument: 'after' },
    );
    if (!updated) continue;
    messageIds.push(message.id);
    if (updated.caseId) caseIds.add(updated.caseId);
  }
  return { caseIds: [...caseIds], messageIds };
}
