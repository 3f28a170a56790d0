/** A fresh embedded store per test and small builders for ingestion tests (not a test file itself). */
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import { compileRuleSet, type Message, type RuleSet } from '../../server/routing/index.js';
import { ActiveRuleSet } from '../../server/ruleSets/activeRuleSet.js';
import { allTeamsScope, type Store } from '../../server/store/index.js';
import { useFreshStore } from '../support/testStore.js';

export const RULES: RuleSet = {
  rules: [
    { id: 'hours-bot', when: { field: 'text', op: 'containsAny', value: ['opening hours'] }, then: { tier: 0, team: 'bot', reply: { text: 'Hi @{{author.handle}}, we open at 9.' } } },
    { id: 'bot-noise', when: { field: 'text', op: 'containsAny', value: ['unsubscribe'] }, then: { tier: 0, team: 'bot', suppress: true } },
    { id: 'repost-noise', when: { field: 'text', op: 'containsAny', value: ['giveaway'] }, then: { tier: 1, team: 'care', suppress: true } },
    { id: 'billing-private', when: { field: 'text', op: 'containsAny', value: ['refund'] }, then: { tier: 2, team: 'helpdesk', priority: 'high', tags: ['billing'] } },
  ],
  fallback: { tier: 1, team: 'care' },
};
export const BRAND_ID = '1000';
export const NOW = new Date('2026-11-20T15:00:00Z');

/** The rules above as the active version 3. */
export function activeRules(): ActiveRuleSet {
  return new ActiveRuleSet({ version: 3, ruleSet: RULES, compiled: compileRuleSet(RULES) });
}

let sequence = 0;

/** A public message by `authorId` in its own new thread unless `extra` says otherwise; written `minutesAgo` before NOW. */
export function message(text: string, authorId: string, extra: Partial<Message> & { minutesAgo?: number } = {}): Message {
  const id = String(2_000_000 + ++sequence);
  const { minutesAgo = 40, ...rest } = extra;
  return { id: `x:${id}`, platform: 'x', channel: 'public', text, createdAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(), author: { id: authorId, handle: `user${authorId}` }, threadId: id, ...rest };
}

/** Opens a fresh embedded store before each test of the file; `store()` is the current one. */
export function useIngestStore(): { store(): Store; ingest(messages: Message[], now?: Date): ReturnType<typeof ingestMessages> } {
  const fresh = useFreshStore('ingest', 'embedded');
  const store = () => fresh.store;
  return { store, ingest: (messages, now = NOW) => ingestMessages({ store: store(), rules: activeRules(), brandAccounts: new Set([`x:${BRAND_ID}`]), messages, now }) };
}

/** Every case, oldest first. */
export function allCases(store: Store) {
  return store.collections.cases.find(allTeamsScope(), {}, { sort: { createdAt: 1, _id: 1 } });
}

/** A case's events as "seq:type", in order. */
export async function eventTrail(store: Store, caseId: string): Promise<string[]> {
  return (await store.collections.caseEvents.find({ caseId }, { sort: { seq: 1 } })).map((event) => `${event.seq}:${event.type}`);
}

/** The case id a stored message was filed in. */
export async function caseOf(store: Store, message: Message): Promise<string | null | undefined> {
  return (await store.collections.messages.findOne({ platform: 'x', externalId: message.id.slice(2) }))?.caseId;
}
