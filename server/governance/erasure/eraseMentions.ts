import { allTeamsScope, type Store } from '../../store/index.js';
import { ERASED, needlePattern, scrubbed } from './personalText.js';

/**
 * Replaces a person's handles and names where other people's data names
 * them: messages (text and the network's extra fields, e.g. mention
 * entities), notes and the previews of cases that are not theirs. Their own
 * cases (`exceptCaseIds`) are erased whole elsewhere. Returns how many records
 * it rewrote, webhook deliveries and audit entries included. Scans
 * (case-insensitive $regex, the one text match that works the same on every
 * backend, and whole-collection reads where the data has no fixed field);
 * erasures are rare.
 */
export async function eraseMentions(store: Store, needles: readonly string[], exceptCaseIds: readonly string[]): Promise<number> {
  const pattern = needlePattern(needles);
  if (!pattern) return 0;
  const regex = { $regex: pattern.source, $options: 'i' };
  const outside = { caseId: { $nin: [...exceptCaseIds] } };
  let count = 0;

  const mentioning = await store.collections.messages.find({ ...outside, $or: [{ text: regex }, { extra: regex }] });
  if (mentioning.length > 0) {
    await store.collections.messages.updateEach(mentioning.map((doc) => ({
      _id: doc._id,
      update: { $set: { text: doc.text.replace(pattern, ERASED), extra: doc.extra === null || doc.extra === undefined ? null : doc.extra.replace(pattern, ERASED) } },
    })));
    count += mentioning.length;
  }

  const notes = await store.collections.caseEvents.find({ ...outside, type: 'note', 'data.text': regex });
  if (notes.length > 0) {
    // Only the names go: a colleague's note about another case keeps its words.
    await store.collections.caseEvents.eraseEach(notes.map((event) => ({ _id: event._id, update: { $set: { data: scrubbed(event.data, needles, new Set()) as Record<string, unknown> } } })));
    count += notes.length;
  }

  const previews = await store.collections.cases.find(allTeamsScope(), { _id: { $nin: [...exceptCaseIds] }, preview: regex }, { fields: ['preview'] });
  if (previews.length > 0) {
    await store.collections.cases.updateEach(allTeamsScope(), previews.map((doc) => ({ _id: doc._id, update: { $set: { preview: doc.preview.replace(pattern, ERASED) } } })));
    count += previews.length;
  }
  count += await scrubEverywhere(store.collections.webhookDeliveries, pattern, (doc) => ({ 'payload.data': scrubbed(doc.payload.data, needles, new Set()) }), (changes) => store.collections.webhookDeliveries.updateEach(changes));
  count += await scrubEverywhere(store.collections.auditEntries, pattern, (doc) => ({ request: scrubbed(doc.request, needles, new Set()), before: scrubbed(doc.before, needles, new Set()), after: scrubbed(doc.after, needles, new Set()) }), (changes) => store.collections.auditEntries.eraseEach(changes));
  return count;
}

// Records read per page of a full scan.
const PAGE = 500;

/**
 * Scans a whole collection whose records keep free-form JSON (webhook
 * payloads, audit requests and answers: no field to query by regex) and
 * rewrites the records where a needle occurs.
 */
async function scrubEverywhere<T extends { _id: string }>(
  collection: { find(filter: Record<string, unknown>, options: { sort: Record<string, 1>; limit: number }): Promise<T[]> },
  pattern: RegExp,
  rewrite: (doc: T) => Record<string, unknown>,
  write: (changes: Array<{ _id: string; update: { $set: Record<string, unknown> } }>) => Promise<unknown>,
): Promise<number> {
  let count = 0;
  let after = '';
  for (;;) {
    const page = await collection.find(after ? { _id: { $gt: after } } : {}, { sort: { _id: 1 }, limit: PAGE });
    const changes = page.filter((doc) => new RegExp(pattern.source, 'i').test(JSON.stringify(doc))).map((doc) => ({ _id: doc._id, update: { $set: rewrite(doc) } }));
    if (changes.length > 0) await write(changes);
    count += changes.length;
    if (page.length < PAGE) return count;
    after = page[page.length - 1]!._id;
  }
}
