import type { Message } from '../../routing/index.js';

/** The later versions of edited posts among `messages` whose (first-version) id was already stored. */
export function editsIn(messages: readonly Message[], duplicateIds: readonly string[]): Message[] {
  if (duplicateIds.length === 0) return [];
  const duplicates = new Set(duplicateIds);
  return messages.filter((message) => typeof message.latestVersionId === 'string' && duplicates.has(message.id));
}
