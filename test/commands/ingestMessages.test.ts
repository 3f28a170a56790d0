import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import type { Message } from '../../server/routing/index.js';
import { ActiveRuleSet } from '../../server/ruleSets/activeRuleSet.js';
import { compileRuleSet, type RuleSet } from '../../server/routing/index.js';
import { allTeamsScope } from '../../server/store/index.js';
import { useFreshStore } from '../support/testStore.js';

const RULES: RuleSet = {
  rules: [
    { id: 'hours-bot', when: { field: 'text', op: 'containsAny', value: ['opening hours'] }, then: { tier: 0, team: 'bot', reply: { text: 'We open at 9.' } } },
    { id: 'billing-private', when: { field: 'text', op: 'containsAny', value: ['refund'] }, then: { tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'] } },
  ],
  fallback: { tier: 1, team: 'care' },
};
const BRAND = 'x:1000';

let sequence = 0;

const fresh = useFreshStore('ingest');

function message(text: string, extra: Partial<Message> = {}): Message {
  const id = String(1_000_000 + ++sequence);
  return { id: `x:${id}`, platform: 'x', channel: 'public', text, createdAt: new Date(Date.UTC(2026, 10, 20, 14, 0, sequence)).toISOString(), author: { id: '42', handle: 'jane' }, threadId: id, ...extra };
}

function ingest(messages: Message[], rules = new ActiveRuleSet({ version: 3, ruleSet: RULES, compiled: compileRuleSet(RULES) })) {
  return ingestMessages({ store: fresh.store, rules, brandAccounts: new Set([BRAND]), messages, now: new Date('2026-11-20T15:00:00Z') });
}

const allCases = () => fresh.store.collections.cases.find(allTeamsScope(), {}, { sort: { createdAt: 1 } });
const eventsOf = (caseId: string) => fresh.store.collections.caseEvents.find({ caseId }, { sort: { seq: 1 } });

describe('ingesting messages', () => {
  it('routes the first message of a thread into a new case with its rule and version', async () => {
    const first = message('I want a refund');
    expect(await ingest([first])).toMatchObject({ accepted: [first.id], duplicates: [] });
    const [opened] = await allCases();
    expect(opened).toMatchObject({ tier: 2, team: 'helpdesk', status: 'new', priority: 'high', tags: ['billing'], routing: { ruleId: 'billing-private', ruleSetVersion: 3 }, threadId: first.threadId, customer: { id: '42', handle: 'jane' }, messageCount: 1, lastEventSeq: 1 });
    // The 30-minute target counts from when the customer wrote (14:00:01), not from when the case was stored (15:00).
    expect(opened!.slaDueAt).toEqual(new Date('2026-11-20T14:30:01Z'));
    expect(opened).toMatchObject({ firstMessageAt: new Date('2026-11-20T14:00:01Z'), waitingSince: new Date('2026-11-20T14:00:01Z') });
    const stored = await fresh.store.collections.messages.findOne({ externalId: first.id.slice(2) });
    expect(stored).toMatchObject({ caseId: opened!._id, decision: { ruleId: 'billing-private', tier: 2, ruleSetVersion: 3 } });
    expect(await eventsOf(opened!._id)).toEqual([expect.objectContaining({ seq: 1, type: 'created', data: expect.objectContaining({ messageId: first.id }) })]);
  });

  it('joins later messages of the thread to its case without routing them again', async () => {
    const first = message('hello there');
    await ingest([first]);
    const later = message('and I want a refund', { threadId: first.threadId, inReplyTo: first.id.slice(2) });
    await ingest([later]);
    const cases = await allCases();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ tier: 1, team: 'care', routing: { ruleId: null }, messageCount: 2, lastEventSeq: 2 });
    expect((await fresh.store.collections.messages.findOne({ externalId: later.id.slice(2) }))!.decision).toBeNull();
  });

  it('joins one batch\'s messages to several existing cases, numbering each case\'s events in turn', async () => {
    const [a, b, bot] = [message('hello'), message('hi there'), message('What are your opening hours?')];
    await ingest([a!, b!, bot!]);
    await ingest([message('one', { threadId: a!.threadId }), message('two', { threadId: b!.threadId }), message('three', { threadId: a!.threadId }), message('did not help', { threadId: bot!.threadId })]);
    const byThread = new Map((await allCases()).map((found) => [found.threadId, found]));
    expect(byThread.get(a!.threadId!)).toMatchObject({ messageCount: 3, lastEventSeq: 3, version: 2 });
    expect(byThread.get(b!.threadId!)).toMatchObject({ messageCount: 2, lastEventSeq: 2, version: 2 });
    expect(byThread.get(bot!.threadId!)).toMatchObject({ messageCount: 2, lastEventSeq: 3, status: 'new', team: 'care', escalations: 1 });
    const events = async (threadId: string) => (await eventsOf(byThread.get(threadId)!._id)).map((event) => `${event.seq}:${event.type}`);
    expect(await events(a!.threadId!)).toEqual(['1:created', '2:message', '3:message']);
    expect(await events(b!.threadId!)).toEqual(['1:created', '2:message']);
    expect(await events(bot!.threadId!)).toEqual(['1:created', '2:message', '3:escalated']);
  });

  it('stores each message once and reports duplicates, within a batch and across batches', async () => {
    const a = message('one');
    const b = message('two');
    expect(await ingest([a, b, a])).toMatchObject({ accepted: [a.id, b.id], duplicates: [a.id] });
    expect(await ingest([b, a])).toEqual({ accepted: [], duplicates: [b.id, a.id], cases: [], stored: [], openings: [] });
    expect(await fresh.store.collections.messages.countDocuments({})).toBe(2);
    expect(await allCases()).toHaveLength(2);
  });

  it('stores the brand account\'s own messages without routing them', async () => {
    const { store } = fresh;
    const question = message('hello');
    const ours = message('Hi! How can we help?', { author: { id: '1000', handle: 'AcmeHelp' }, threadId: question.threadId });
    const ownPost = message('Our new shop is open', { author: { id: '1000' } });
    await ingest([question, ours, ownPost]);
    const cases = await allCases();
    expect(cases).toHaveLength(1);
    expect((await store.collections.messages.findOne({ externalId: ours.id.slice(2) }))!.caseId).toBe(cases[0]!._id);
    expect((await store.collections.messages.findOne({ externalId: ownPost.id.slice(2) }))!.caseId).toBeNull();
  });

  it('escalates a bot case to an agent when the customer writes again', async () => {
    const first = message('What are your opening hours?');
    await ingest([first]);
    expect((await allCases())[0]).toMatchObject({ tier: 0, team: 'bot', status: 'bot', slaDueAt: null });
    await ingest([message('that did not help', { threadId: first.threadId })]);
    const [escalated] = await allCases();
    expect(escalated).toMatchObject({ tier: 1, team: 'care', status: 'new', escalations: 1 });
    expect((await eventsOf(escalated!._id)).map((event) => event.type)).toEqual(['created', 'message', 'escalated']);
  });

  it('reopens a resolved case and a pending one when the customer writes again', async () => {
    const first = message('hello');
    await ingest([first]);
    const [opened] = await allCases();
    for (const status of ['resolved', 'pending'] as const) {
      await fresh.store.collections.cases.updateOne(allTeamsScope(), { _id: opened!._id }, { $set: { status } });
      await ingest([message('still there?', { threadId: first.threadId })]);
      expect((await allCases())[0]).toMatchObject({ status: 'open' });
    }
    const updates = (await eventsOf(opened!._id)).filter((event) => event.type === 'updated');
    expect(updates.map((event) => event.data.status)).toEqual([{ from: 'resolved', to: 'open' }, { from: 'pending', to: 'open' }]);
  });

  it('repairs an interrupted ingestion: a case stored without its messages gets them on the retry', async () => {
    const { store } = fresh;
    const first = message('I want a refund');
    await ingest([first]);
    const [opened] = await allCases();
    await store.collections.messages.deleteMany({}); // as if the process died after writing the case
    expect(await ingest([first])).toMatchObject({ accepted: [first.id], duplicates: [] });
    expect(await allCases()).toHaveLength(1);
    expect((await store.collections.messages.findOne({}))!.caseId).toBe(opened!._id);
  });
});
