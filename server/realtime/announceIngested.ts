import type { IngestResult } from '../commands/ingestMessages.js';
import type { BotPass } from '../replies/botAnswers.js';
import { allTeamsScope, type CaseDocument, type Store } from '../store/index.js';
import type { CaseFeed } from './caseFeed.js';

/**
 * The one announcement after an ingested batch and its bot answers: every
 * case the batch opened or joined, or filed one of our own messages in, with
 * the new messages and the bot's replies. Cases are taken as ingestion
 * returned them; only those the bot changed since, or that only got one of
 * our own messages, are read again.
 */
export async function announceIngested(feed: CaseFeed, store: Store, ingested: Pick<IngestResult, 'cases' | 'stored'>, bot: BotPass): Promise<void> {
  const changedByBot = new Set(bot.caseIds);
  const cases = new Map<string, CaseDocument>(ingested.cases.filter((doc) => !changedByBot.has(doc._id)).map((doc) => [doc._id, doc]));
  const unread = new Set([...changedByBot, ...ingested.stored.map((message) => message.caseId).filter((caseId): caseId is string => caseId !== null && caseId !== undefined && !cases.has(caseId))]);
  if (unread.size > 0) for (const doc of await store.collections.cases.find(allTeamsScope(), { _id: { $in: [...unread] } })) cases.set(doc._id, doc);
  await feed.announceStored([...cases.values()], [...ingested.stored, ...bot.replies]);
}
