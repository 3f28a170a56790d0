import { describe, expect, it } from 'vitest';
import { splitSharedCases } from '../../server/cases/splitSharedCases.js';
import { allTeamsScope, toMessageDocument, type NewCaseDocument, type Store } from '../../server/store/index.js';
import type { Message } from '../../server/routing/index.js';
import { BRAND_ID, NOW, allCases, caseOf, eventTrail, message, useIngestStore } from '../commands/ingestFixture.js';

const { store } = useIngestStore();
const BRAND = new Set([`x:${BRAND_ID}`]);

/** A case as the code before one case per customer conversation stored it: every message of the thread in the first customer's case. */
async function storeSharedCase(target: Store, messages: Message[], channel: 'public' | 'dm' = 'public'): Promise<string> {
  const first = messages[0]!;
  const customers = messages.filter((item) => item.author.id !== BRAND_ID);
  const shared: NewCaseDocument = {
    tier: 1, team: 'care', status: 'open', priority: 'high', tags: ['late'], assignee: 'ana', channel, platform: 'x', threadId: first.threadId!,
    customer: { id: first.author.id, handle: first.author.handle }, routing: { ruleId: null, ruleSetVersion: 1, tier: 1 },
    messageCount: customers.length, lastEventSeq: customers.length, lastActivityAt: NOW, createdAt: NOW, updatedAt: NOW,
  };
  const [inserted] = await target.collections.cases.insertMany(allTeamsScope(), [shared]);
  const caseId = inserted!.status === 'inserted' ? inserted!.document._id : '';
  await target.collections.messages.insertMany(messages.map((item) => toMessageDocument(item, { caseId, receivedAt: NOW })));
  await target.collections.caseEvents.insertMany(customers.map((item, index) => ({ caseId, seq: index + 1, type: index === 0 ? 'created' as const : 'message' as const, at: NOW, actor: { kind: 'system' as const, id: 'ingest' }, data: { messageId: item.id } })));
  return caseId;
}

describe('the start-up migration to one case per customer conversation', () => {
  it('moves each further customer of a shared public conversation, with our answers to them, to a case of their own that keeps its handling', async () => {
    const question = message('my parcel is late', 'A', { minutesAgo: 60 });
    const thread = { threadId: question.threadId! };
    const fromB = message('mine too', 'B', { ...thread, minutesAgo: 50 });
    const againB = message('still nothing', 'B', { ...thread, minutesAgo: 30 });
    const toB = message('Sorry B', BRAND_ID, { ...thread, inReplyTo: fromB.id.slice(2), minutesAgo: 40 });
    const toA = message('Sorry A', BRAND_ID, { ...thread, inReplyTo: question.id.slice(2), minutesAgo: 40 });
    const sharedId = await storeSharedCase(store(), [question, fromB, toB, toA, againB]);

    expect(await splitSharedCases({ store: store(), brandAccounts: BRAND, now: NOW })).toBe(1);
    const [shared, ofB] = await allCases(store());
    expect(shared).toMatchObject({ _id: sharedId, customer: { id: 'A' }, messageCount: 1, lastEventSeq: 4 });
    expect(ofB).toMatchObject({ customer: { id: 'B' }, threadId: question.threadId, status: 'open', assignee: 'ana', priority: 'high', tags: ['late'], team: 'care', messageCount: 2, lastEventSeq: 2, firstMessageAt: new Date(fromB.createdAt) });
    for (const moved of [fromB, againB, toB]) expect(await caseOf(store(), moved)).toBe(ofB!._id);
    expect(await caseOf(store(), toA)).toBe(sharedId);
    expect(await eventTrail(store(), ofB!._id)).toEqual(['1:created', '2:message']);
    expect(await eventTrail(store(), sharedId)).toEqual(['1:created', '2:message', '3:message', '4:updated']);
  });

  it('leaves DM conversations and single-customer conversations whole, and runs once', async () => {
    const dm = message('hello', 'A', { channel: 'dm', threadId: 'dm-1' });
    const dmOther = message('hi, me too', 'C', { channel: 'dm', threadId: 'dm-1' });
    await storeSharedCase(store(), [dm, dmOther], 'dm');
    const alone = message('my parcel is late', 'D');
    await storeSharedCase(store(), [alone, message('any news?', 'D', { threadId: alone.threadId })]);
    expect(await splitSharedCases({ store: store(), brandAccounts: BRAND, now: NOW })).toBe(0);
    expect(await allCases(store())).toHaveLength(2);

    const later = message('my parcel is late', 'E');
    await storeSharedCase(store(), [later, message('me too', 'F', { threadId: later.threadId })]);
    // Already done for this database: data stored since is never shared, so it is not looked at again.
    expect(await splitSharedCases({ store: store(), brandAccounts: BRAND, now: NOW })).toBe(0);
  });
});
