import { describe, expect, it } from 'vitest';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import { markSlaBreaches } from '../../server/commands/markSlaBreaches.js';
import { compileRuleSet, type Message, type RuleSet } from '../../server/routing/index.js';
import { ActiveRuleSet } from '../../server/ruleSets/activeRuleSet.js';
import { allTeamsScope } from '../../server/store/index.js';
import { useFreshStore } from '../support/testStore.js';

const RULES: RuleSet = { rules: [{ id: 'refunds', when: { field: 'text', op: 'containsAny', value: ['refund'] }, then: { tier: 2, team: 'helpdesk', priority: 'high' } }], fallback: { tier: 1, team: 'care' } };
const OPENED = new Date('2026-11-20T15:00:00Z');

const fresh = useFreshStore('sla');

async function openCase(text: string, threadId: string): Promise<string> {
  const { store } = fresh;
  const message: Message = { id: `x:${threadId}`, platform: 'x', channel: 'public', text, createdAt: OPENED.toISOString(), author: { id: '7' }, threadId };
  const rules = new ActiveRuleSet({ version: 1, ruleSet: RULES, compiled: compileRuleSet(RULES) });
  await ingestMessages({ store, rules, brandAccounts: new Set(), messages: [message], now: OPENED });
  return (await store.collections.cases.findOne(allTeamsScope(), { threadId }))!._id;
}

const at = (minutes: number) => new Date(OPENED.getTime() + minutes * 60_000);

describe('response-time targets', () => {
  it('marks a case once its first-response target passes: breach recorded, priority raised, event appended', async () => {
    const { store } = fresh;
    const refund = await openCase('refund please', '1'); // tier 2: 30 min
    const question = await openCase('a question', '2'); // tier 1: 60 min
    expect(await markSlaBreaches({ store, now: at(29) })).toEqual([]);
    expect(await markSlaBreaches({ store, now: at(31) })).toEqual([refund]);
    const breached = await store.collections.cases.findOne(allTeamsScope(), { _id: refund });
    expect(breached).toMatchObject({ slaBreachedAt: at(31), priority: 'urgent', lastEventSeq: 2 });
    const events = await store.collections.caseEvents.find({ caseId: refund }, { sort: { seq: 1 } });
    expect(events.map((event) => [event.seq, event.type])).toEqual([[1, 'created'], [2, 'sla_breach']]);
    expect(await markSlaBreaches({ store, now: at(45) })).toEqual([]);
    expect(await markSlaBreaches({ store, now: at(61) })).toEqual([question]);
    expect(await store.collections.cases.findOne(allTeamsScope(), { _id: question })).toMatchObject({ priority: 'high' });
  });

  it('leaves resolved and pending cases alone', async () => {
    const { store } = fresh;
    const id = await openCase('a question', '3');
    await store.collections.cases.updateOne(allTeamsScope(), { _id: id }, { $set: { status: 'pending' } });
    expect(await markSlaBreaches({ store, now: at(120) })).toEqual([]);
  });
});
