import type { Message } from '../routing/index.js';
import { messageKey, type Store } from '../store/index.js';
import type { CaseFeed } from './caseFeed.js';

/** Announces the cases that newly stored messages opened or joined, with those messages. */
export async function announceIngested(feed: CaseFeed, store: Store, stored: readonly Message[]): Promise<void> {
  const byPlatform = new Map<string, string[]>();
  for (const message of stored) {
    const key = messageKey(message);
    byPlatform.set(key.platform, [...(byPlatform.get(key.platform) ?? []), key.externalId]);
  }
  const caseIds: string[] = [];
  const newIds = new Set<string>();
  for (const [platform, externalIds] of byPlatform) {
    const found = await store.collections.messages.find({ platform, externalId: { $in: externalIds } }, { fields: ['caseId'] });
    for (const message of found) if (message.caseId) caseIds.push(message.caseId);
    for (const externalId of externalIds) newIds.add(`${platform}:${externalId}`);
  }
  await feed.casesChanged(caseIds, newIds);
}
