import { describe, expect, it } from 'vitest';
import { toMessageDocument } from '../../server/store/index.js';
import { BRAND_ID, NOW, allCases, caseOf, eventTrail, message, useIngestStore } from './ingestFixture.js';

const { store, ingest } = useIngestStore();

describe('one case per customer conversation', () => {
  it('gives each customer replying in a public conversation a case of their own, and their later messages join it', async () => {
    const question = message('my parcel is late', 'A');
    const thread = question.threadId!;
    const fromB = message('same here, mine too', 'B', { threadId: thread, inReplyTo: question.id.slice(2) });
    await ingest([question, fromB]);
    const laterA = message('any news?', 'A', { threadId: thread, minutesAgo: 10 });
    const laterB = message('still nothing', 'B', { threadId: thread, minutesAgo: 5 });
    await ingest([laterA, laterB]);

    const cases = await allCases(store());
    expect(cases.map((found) => [found.customer.id, found.threadId, found.messageCount])).toEqual([['A', thread, 2], ['B', thread, 2]]);
    const [caseA, caseB] = cases;
    expect(await caseOf(store(), laterA)).toBe(caseA!._id);
    expect(await caseOf(store(), laterB)).toBe(caseB!._id);
    expect(await eventTrail(store(), caseA!._id)).toEqual(['1:created', '2:message']);
    expect(await eventTrail(store(), caseB!._id)).toEqual(['1:created', '2:message']);
    // B's reply was routed on its own; later messages were not.
    expect((await store().collections.messages.findOne({ externalId: fromB.id.slice(2) }))!.decision).toMatchObject({ ruleId: null, ruleSetVersion: 3 });
    expect((await store().collections.messages.findOne({ externalId: laterB.id.slice(2) }))!.decision).toBeNull();
  });

  it('files the brand\'s answers in the case of the customer they answer', async () => {
    const question = message('my parcel is late', 'A');
    const thread = question.threadId!;
    const fromB = message('mine too', 'B', { threadId: thread });
    await ingest([question, fromB]);
    const [caseA, caseB] = await allCases(store());
    const byAuthorId = message('Sorry B, we are on it', BRAND_ID, { threadId: thread, inReplyTo: fromB.id.slice(2), inReplyToAuthorId: 'B' });
    const byStoredPost = message('Sorry B, a DM is on its way', BRAND_ID, { threadId: thread, inReplyTo: fromB.id.slice(2) });
    const followUp = message('A, here is an update', BRAND_ID, { threadId: thread, inReplyTo: question.id.slice(2) });
    const unknownTarget = message('Thanks all for your patience', BRAND_ID, { threadId: thread });
    const toNobody = message('We answer ourselves', BRAND_ID, { threadId: thread, inReplyToAuthorId: BRAND_ID });
    const result = await ingest([byAuthorId, byStoredPost, followUp, unknownTarget, toNobody]);

    expect(await caseOf(store(), byAuthorId)).toBe(caseB!._id);
    expect(await caseOf(store(), byStoredPost)).toBe(caseB!._id);
    expect(await caseOf(store(), followUp)).toBe(caseA!._id);
    // Not told whom it answers: the customer who started the thread.
    expect(await caseOf(store(), unknownTarget)).toBe(caseA!._id);
    expect(await caseOf(store(), toNobody)).toBeNull();
    // Our own posts open nothing and are not counted as the customers' messages.
    expect(result).toMatchObject({ cases: [], openings: [] });
    expect((await allCases(store())).map((found) => found.messageCount)).toEqual([1, 1]);
  });

  it('files an answer in the case of a customer whose post came in the same batch', async () => {
    const question = message('my parcel is late', 'A');
    const fromB = message('mine too', 'B', { threadId: question.threadId });
    const answer = message('Sorry B', BRAND_ID, { threadId: question.threadId, inReplyTo: fromB.id.slice(2) });
    await ingest([answer, question, fromB]);
    const [, caseB] = await allCases(store());
    expect(caseB!.customer.id).toBe('B');
    expect(await caseOf(store(), answer)).toBe(caseB!._id);
  });

  it('keeps a DM conversation in one case, whoever writes in it', async () => {
    const first = message('hello, about my order', 'A', { channel: 'dm', threadId: 'dm-A-1000' });
    const second = message('it is order 55', 'A', { channel: 'dm', threadId: 'dm-A-1000' });
    const ours = message('Thanks, looking', BRAND_ID, { channel: 'dm', threadId: 'dm-A-1000' });
    await ingest([first]);
    await ingest([ours, second]);
    const cases = await allCases(store());
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ channel: 'dm', customer: { id: 'A' }, messageCount: 2 });
    expect(await caseOf(store(), ours)).toBe(cases[0]!._id);
  });

  it('reports what it opened and joined: the cases as stored, the new messages, and the opening decisions with their reply text', async () => {
    const known = message('hello', 'A');
    await ingest([known]);
    const hours = message('What are your opening hours?', 'C');
    const join = message('still there?', 'A', { threadId: known.threadId });
    const result = await ingest([hours, join]);
    expect(result.accepted).toEqual([hours.id, join.id]);
    expect(result.stored.map((doc) => `x:${doc.externalId}`)).toEqual([hours.id, join.id]);
    expect(result.cases.map((found) => [found.customer.id, found.lastEventSeq])).toEqual(expect.arrayContaining([['C', 1], ['A', 2]]));
    expect(result.openings).toHaveLength(1);
    expect(result.openings[0]).toMatchObject({ case: { customer: { id: 'C' }, status: 'bot' }, message: { externalId: hours.id.slice(2) }, decision: { ruleId: 'hours-bot', reply: 'Hi @userC, we open at 9.' } });
  });
});

describe('a batch cut short by a crash', () => {
  it('opens, on the retry, the case its stored messages point at', async () => {
    const first = message('my parcel is late', 'A');
    const second = message('any news?', 'A', { threadId: first.threadId, minutesAgo: 5 });
    // As if the process died right after storing the messages, before their new case.
    await store().collections.messages.insertMany([first, second].map((item) => toMessageDocument(item, { caseId: 'case-never-written', receivedAt: NOW })));
    const retry = await ingest([first, second]);
    expect(retry).toMatchObject({ accepted: [], duplicates: [first.id, second.id] });
    const cases = await allCases(store());
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ _id: 'case-never-written', customer: { id: 'A' }, messageCount: 2, lastEventSeq: 2, routing: { ruleId: null } });
    expect(await eventTrail(store(), 'case-never-written')).toEqual(['1:created', '2:message']);
  });
});
