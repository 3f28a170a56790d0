import { newCase, threadIdOf } from '../cases/newCase.js';
import { joinUpdate } from '../cases/joinCase.js';
import { routeMessage, type Message } from '../routing/index.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { allTeamsScope, messageKey, toMessageDocument, type CaseDocument, type NewCaseDocument, type NewCaseEventDocument, type NewMessageDocument, type Store } from '../store/index.js';

export interface IngestProps {
  store: Store;
  rules: ActiveRuleSet;
  /** Our own accounts per platform ("x:1000…"): their messages are stored, never routed. */
  brandAccounts: ReadonlySet<string>;
  messages: readonly Message[];
  now?: Date;
  /** Called after the batch is durable, with the cases it created or changed. */
  onCasesChanged?: (caseIds: string[]) => void;
}

export interface IngestResult {
  accepted: string[];
  duplicates: string[];
}

const SYSTEM = { kind: 'system' as const, id: 'ingest' };

/**
 * Stores new messages exactly once (unique platform + network id), routes the
 * first message of each new thread into a case and joins later ones to their
 * thread's case. Order of writes, so a crash at any point is repaired by
 * ingesting the same messages again: cases, then messages (each carrying its
 * case id), then events and case counters.
 */
export async function ingestMessages(props: IngestProps): Promise<IngestResult> {
  const { store } = props;
  const now = props.now ?? new Date();
  const fresh = await withoutStored(store, dedupeBatch(props.messages));
  const freshIds = new Set(fresh.map((message) => message.id));
  const duplicates = props.messages.map((message) => message.id).filter((id, index, all) => !freshIds.has(id) || all.indexOf(id) !== index);
  if (fresh.length === 0) return { accepted: [], duplicates };

  const casesByThread = await existingCases(store, fresh);
  const created: NewCaseDocument[] = [];
  const documents: NewMessageDocument[] = [];
  const joined = new Map<string, Message[]>();
  const active = props.rules.get();
  for (const message of fresh) {
    const thread = `${message.platform}\u0000${threadIdOf(message)}`;
    const ours = props.brandAccounts.has(`${message.platform}:${message.author.id}`);
    let caseDoc: Pick<CaseDocument, '_id'> | undefined = casesByThread.get(thread);
    if (!caseDoc && !ours) {
      const decision = routeMessage(active.compiled, message);
      const opened = newCase(message, decision, active.version, now);
      created.push(opened);
      casesByThread.set(thread, opened as CaseDocument);
      documents.push(toMessageDocument(message, { caseId: opened._id!, decision: { ruleId: decision.ruleId, ruleSetVersion: active.version, tier: decision.tier, team: decision.team, priority: decision.priority, tags: decision.tags }, receivedAt: now }));
      joined.set(opened._id!, [message]);
      continue;
    }
    documents.push(toMessageDocument(message, { caseId: caseDoc?._id ?? null, receivedAt: now }));
    if (caseDoc && !ours) joined.set(caseDoc._id, [...(joined.get(caseDoc._id) ?? []), message]);
  }
  await Promise.all(created.map((doc) => store.collections.cases.insertOne(allTeamsScope(), doc)));
  const results = await store.collections.messages.insertMany(documents);
  const accepted = fresh.filter((_, index) => results[index]!.status === 'inserted').map((message) => message.id);
  const acceptedSet = new Set(accepted);
  duplicates.push(...fresh.map((message) => message.id).filter((id) => !acceptedSet.has(id)));
  const createdIds = new Set(created.map((doc) => doc._id!));
  const escalationTeam = active.ruleSet.fallback.tier === 1 ? active.ruleSet.fallback.team : 'care';
  await Promise.all(
    [...joined].map(([caseId, messages]) => {
      const stored = messages.filter((message) => acceptedSet.has(message.id));
      return stored.length > 0 ? recordArrivals(store, caseId, stored, createdIds.has(caseId), now, escalationTeam) : undefined;
    }),
  );
  props.onCasesChanged?.([...joined.keys()]);
  return { accepted, duplicates };
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

async function existingCases(store: Store, messages: Message[]): Promise<Map<string, Pick<CaseDocument, '_id'>>> {
  const byThread = new Map<string, Pick<CaseDocument, '_id'>>();
  for (const [platform, group] of groupBy(messages, (message) => message.platform)) {
    const threadIds = [...new Set(group.map(threadIdOf))];
    const found = await store.collections.cases.find(allTeamsScope(), { platform, threadId: { $in: threadIds } }, { fields: ['threadId'], sort: { createdAt: 1 } });
    for (const doc of found) if (!byThread.has(`${platform}\u0000${doc.threadId}`)) byThread.set(`${platform}\u0000${doc.threadId}`, doc);
  }
  return byThread;
}

/** Appends the case's events for arriving messages and moves its counters and status (one writer per case at a time). */
function recordArrivals(store: Store, caseId: string, messages: Message[], opened: boolean, now: Date, escalationTeam: string): Promise<void> {
  return store.exclusive(`case:${caseId}`, async () => {
    const current = await store.collections.cases.findOne(allTeamsScope(), { _id: caseId });
    if (!current) return;
    const change = joinUpdate(current, messages, opened, now, escalationTeam);
    let seq = current.lastEventSeq;
    const events: NewCaseEventDocument[] = change.events.map((event) => ({ caseId, seq: ++seq, type: event.type, at: now, actor: SYSTEM, data: event.data }));
    await store.collections.caseEvents.insertMany(events);
    await store.collections.cases.updateOne(allTeamsScope(), { _id: caseId }, {
      $set: { ...change.set, lastEventSeq: seq, updatedAt: now },
      $inc: { messageCount: messages.length, version: 1 },
    });
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
