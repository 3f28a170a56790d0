import { joinUpdate } from '../cases/joinCase.js';
import { newCase, threadIdOf } from '../cases/newCase.js';
import type { ResponseTargets } from '../cases/responseTargets.js';
import { DEFAULT_SLA } from '../cases/sla.js';
import { routeMessage, type Message } from '../routing/index.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { allTeamsScope, messageKey, toMessageDocument, type CaseDocument, type NewCaseDocument, type NewCaseEventDocument, type NewMessageDocument, type Store, type Update } from '../store/index.js';

export interface IngestProps {
  store: Store;
  rules: ActiveRuleSet;
  /** Our own accounts per platform ("x:1000…"): their messages are stored, never routed. */
  brandAccounts: ReadonlySet<string>;
  messages: readonly Message[];
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
  now?: Date;
}

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
}

const SYSTEM = { kind: 'system' as const, id: 'ingest' };

/** Cases touched by one batch: those it opens (with their messages) and existing ones that messages join. */
interface BatchPlan {
  opened: Array<{ doc: NewCaseDocument; messages: Message[] }>;
  joined: Map<string, Message[]>;
  documents: NewMessageDocument[];
}

/**
 * Stores new messages exactly once (unique platform + network id), routes the
 * first message of each new thread into a case and joins later ones to their
 * thread's case. Writes go in an order that ingesting the same messages again
 * repairs after a crash: new cases, then messages (each carrying its case id),
 * then events and the joined cases' updates. Batches run one at a time.
 */
export function ingestMessages(props: IngestProps): Promise<IngestResult> {
  return props.store.exclusive('ingest', () => ingestBatch(props));
}

async function ingestBatch(props: IngestProps): Promise<IngestResult> {
  const { store } = props;
  const now = props.now ?? new Date();
  const fresh = await withoutStored(store, dedupeBatch(props.messages));
  const freshIds = new Set(fresh.map((message) => message.id));
  const firstCopies = new Set<string>();
  // Stored before, or a later copy within the batch.
  const duplicates = props.messages.map((message) => message.id).filter((id) => {
    if (!freshIds.has(id) || firstCopies.has(id)) return true;
    firstCopies.add(id);
    return false;
  });
  if (fresh.length === 0) return { accepted: [], duplicates };

  const plan = planBatch(props, fresh, await existingCases(store, fresh), now);
  const joinedIds = [...plan.joined.keys()];
  // The cases the batch joins are held from their read to their update: no other writer of them here in between.
  return store.exclusive(
    joinedIds.map((caseId) => `case:${caseId}`),
    async () => {
      const joined = joinedIds.length > 0 ? await store.collections.cases.find(allTeamsScope(), { _id: { $in: joinedIds } }) : [];
      await store.collections.cases.insertMany(allTeamsScope(), plan.opened.map((opened) => opened.doc));
      const results = await store.collections.messages.insertMany(plan.documents);
      const accepted = new Set(fresh.filter((_, index) => results[index]!.status === 'inserted').map((message) => message.id));
      const arrivals = arrivalChanges(joined, plan.joined, accepted, now, fallbackAgentTeam(props.rules), props.targets ?? DEFAULT_SLA);
      // One append for the opened cases' events and the joined cases' new ones, then the joined cases: the order a retry repairs.
      await store.collections.caseEvents.insertMany([...plan.opened.flatMap((opened) => openingEvents(opened.doc, opened.messages, now)), ...arrivals.events]);
      await store.collections.cases.updateEach(allTeamsScope(), arrivals.updates);
      return { accepted: fresh.map((message) => message.id).filter((id) => accepted.has(id)), duplicates: [...duplicates, ...fresh.map((m) => m.id).filter((id) => !accepted.has(id))] };
    },
  );
}

/** Routes each new thread's first message and assigns every message its case. */
function planBatch(props: IngestProps, fresh: Message[], casesByThread: Map<string, string>, now: Date): BatchPlan {
  const plan: BatchPlan = { opened: [], joined: new Map(), documents: [] };
  const openedByThread = new Map<string, { doc: NewCaseDocument; messages: Message[] }>();
  const active = props.rules.get();
  for (const message of fresh) {
    const thread = `${message.platform}\u0000${threadIdOf(message)}`;
    const ours = props.brandAccounts.has(`${message.platform}:${message.author.id}`);
    const opened = openedByThread.get(thread);
    const existing = casesByThread.get(thread);
    if (opened || existing || ours) {
      const caseId = opened?.doc._id ?? existing ?? null;
      plan.documents.push(toMessageDocument(message, { caseId, receivedAt: now }));
      if (ours) continue;
      if (opened) opened.messages.push(message);
      else if (existing) {
        const joining = plan.joined.get(existing);
        if (joining) joining.push(message);
        else plan.joined.set(existing, [message]);
      }
      continue;
    }
    const decision = routeMessage(active.compiled, message);
    const doc = newCase(message, decision, active.version, now, props.targets);
    const entry = { doc, messages: [message] };
    openedByThread.set(thread, entry);
    plan.opened.push(entry);
    const routed = { ruleId: decision.ruleId, ruleSetVersion: active.version, tier: decision.tier, team: decision.team, priority: decision.priority, tags: decision.tags };
    plan.documents.push(toMessageDocument(message, { caseId: doc._id!, decision: routed, receivedAt: now }));
  }
  for (const opened of plan.opened) {
    opened.doc.messageCount = opened.messages.length;
    opened.doc.lastEventSeq = opened.messages.length;
    opened.doc.lastActivityAt = new Date(Math.max(...opened.messages.map((message) => Date.parse(message.createdAt))));
  }
  return plan;
}

function openingEvents(doc: NewCaseDocument, messages: Message[], now: Date): NewCaseEventDocument[] {
  const [first, ...rest] = messages;
  return [
    { caseId: doc._id!, seq: 1, type: 'created', at: now, actor: SYSTEM, data: { messageId: first!.id, tier: doc.tier, team: doc.team, ruleId: doc.routing.ruleId, ruleSetVersion: doc.routing.ruleSetVersion } },
    ...rest.map((message, index): NewCaseEventDocument => ({ caseId: doc._id!, seq: index + 2, type: 'message', at: now, actor: SYSTEM, data: { messageId: message.id, direction: 'in' } })),
  ];
}

/** Where a bot case goes when its answer did not help: the fallback team when it is an agent tier, else `care`. */
function fallbackAgentTeam(rules: ActiveRuleSet): string {
  const { fallback } = rules.get().ruleSet;
  return fallback.tier === 1 ? fallback.team : 'care';
}

/** Keeps the first copy of each id within the batch. */
function dedupeBatch(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((message) => !seen.has(message.id) && seen.add(message.id));
}

async function withoutStored(store: Store, messages: Message[]): Promise<Message[]> {
  const stored = new Set<string>();
  for (const [platform, group] of groupBy(messages, (message) => message.platform)) {
    const externalIds = group.map((message) => messageKey(message).externalId);
    const found = await store.collections.messages.find({ platform, externalId: { $in: externalIds } }, { fields: ['platform', 'externalId'] });
    for (const doc of found) stored.add(`${doc.platform}\u0000${doc.externalId}`);
  }
  return messages.filter((message) => {
    const key = messageKey(message);
    return !stored.has(`${key.platform}\u0000${key.externalId}`);
  });
}

/** Thread key to the id of its case (the oldest, should there be several). */
async function existingCases(store: Store, messages: Message[]): Promise<Map<string, string>> {
  const byThread = new Map<string, string>();
  for (const [platform, group] of groupBy(messages, (message) => message.platform)) {
    const threadIds = [...new Set(group.map(threadIdOf))];
    const found = await store.collections.cases.find(allTeamsScope(), { platform, threadId: { $in: threadIds } }, { fields: ['threadId'], sort: { createdAt: 1 } });
    for (const doc of found) if (!byThread.has(`${platform}\u0000${doc.threadId}`)) byThread.set(`${platform}\u0000${doc.threadId}`, doc._id);
  }
  return byThread;
}

/** What the stored messages joining existing cases change: each case's new events (numbered after its last) and its update. */
function arrivalChanges(cases: readonly CaseDocument[], joining: ReadonlyMap<string, Message[]>, accepted: ReadonlySet<string>, now: Date, escalationTeam: string, targets: ResponseTargets) {
  const events: NewCaseEventDocument[] = [];
  const updates: Array<{ _id: string; update: Update<CaseDocument> }> = [];
  for (const current of cases) {
    const messages = joining.get(current._id)!.filter((message) => accepted.has(message.id));
    if (messages.length === 0) continue;
    const change = joinUpdate(current, messages, now, escalationTeam, targets);
    let seq = current.lastEventSeq;
    for (const event of change.events) events.push({ caseId: current._id, seq: ++seq, type: event.type, at: now, actor: SYSTEM, data: event.data });
    updates.push({ _id: current._id, update: { $set: { ...change.set, lastEventSeq: seq, updatedAt: now }, $inc: { messageCount: messages.length, version: 1 } } });
  }
  return { events, updates };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
