import { loadTeamHours } from '../cases/teamHoursLookup.js';
import { blockedAuthors } from './customers/blockedAuthors.js';
import { answeredAuthors } from '../cases/answeredAuthors.js';
import { CaseIndex } from '../cases/caseIndex.js';
import type { ResponseTargets } from '../cases/responseTargets.js';
import { DEFAULT_SLA } from '../cases/sla.js';
import type { Decision, Message } from '../routing/index.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { allTeamsScope, messageKey, toMessageDocument, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';
import { openCases, planCases, routedOf } from './openCases.js';
import { recordArrivals } from './recordArrivals.js';

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

/** A message that opened a case, with routing's decision for it (its reply text rendered). */
export interface IngestedOpening {
  case: CaseDocument;
  message: MessageDocument;
  decision: Decision;
}

/** What one batch did, so the steps after it (bot answers, live events) need not read it back. */
export interface IngestResult {
  accepted: string[];
  duplicates: string[];
  /** The cases the batch opened or added customer messages to, as stored after it. */
  cases: CaseDocument[];
  /** The messages it stored (customers' and our own), in the batch's order. */
  stored: MessageDocument[];
  /** The messages that opened a case, oldest first. */
  openings: IngestedOpening[];
}

/**
 * Stores new messages exactly once (unique platform + network id) and files
 * each in its customer's conversation (api.md: one case per customer
 * conversation): a customer message with no case yet is routed and opens
 * one, later ones join it unrouted, the brand's own messages join the case
 * of the customer they answer. What holds across processes is held by the
 * database: the unique message key decides which of two processes stores
 * a message (and records it), the unique case key which one opens a
 * conversation's case, and the unique (caseId, seq) of events numbers each
 * case's events (recordArrivals). Writes go: messages (pointing at their
 * case, new ones under ids chosen beforehand), new cases' events, new cases
 * (with their messages counted), then joined cases' events and updates. A
 * crash after the messages leaves them pointing at a case not written yet:
 * the retry of the batch opens it under that id (on the embedded store a
 * batch's writes share one commit, so a crash keeps all or none of them).
 * Batches of this process run one at a time (fewer retries, not a
 * guarantee).
 */
export function ingestMessages(props: IngestProps): Promise<IngestResult> {
  return props.store.exclusive('ingest', () => props.store.inOneCommit(() => ingestBatch(props)));
}

async function ingestBatch(props: IngestProps): Promise<IngestResult> {
  const { store } = props;
  const now = props.now ?? new Date();
  const targets = props.targets ?? DEFAULT_SLA;
  const unique = dedupeBatch(props.messages);
  const ours = (message: Message) => props.brandAccounts.has(`${message.platform}:${message.author.id}`);
  const { fresh, orphans } = await splitStored(store, unique);
  const customerOrphans = orphans.filter((orphan) => !ours(orphan.message));
  if (fresh.length === 0 && customerOrphans.length === 0) return { accepted: [], duplicates: props.messages.map((message) => message.id), cases: [], stored: [], openings: [] };

  const hoursOf = await loadTeamHours(store);
  const context = { store, rules: props.rules, targets, hoursOf, now, blocked: await blockedAuthors(store, fresh) };
  const index = await CaseIndex.load(store, [...fresh, ...customerOrphans.map((orphan) => orphan.message)]);
  const planned = planCases(context, fresh.filter((message) => !ours(message)), customerOrphans, index);
  const answered = await answeredAuthors(store, fresh.filter(ours), fresh);
  const caseIdOf = (message: Message) => (ours(message) ? index.ofBrand(message, answered.get(message.id)) : index.ofCustomer(message))?._id ?? null;

  const results = await store.collections.messages.insertMany(fresh.map((message) => {
    const decision = planned.routed.get(message.id);
    return toMessageDocument(message, { caseId: caseIdOf(message), decision: decision ? routedOf(decision, planned.ruleSetVersion) : null, receivedAt: now });
  }));
  const stored: MessageDocument[] = [];
  // The customer messages this batch stored (another process stores the others), by their case; and messages left without their case by a crash.
  const arrivals = new Map<string, Message[]>();
  const arrive = (caseId: string, message: Message) => {
    const joining = arrivals.get(caseId);
    if (joining) joining.push(message);
    else arrivals.set(caseId, [message]);
  };
  fresh.forEach((message, at) => {
    const result = results[at]!;
    if (result.status !== 'inserted') return;
    stored.push(result.document);
    if (!ours(message) && result.document.caseId) arrive(result.document.caseId, message);
  });
  for (const orphan of customerOrphans) arrive(orphan.caseId, orphan.message);

  const { opened, missing } = await openCases(context, planned, arrivals);
  const plannedIds = new Set(planned.docs.map((doc) => doc._id!));
  const joining = new Map([...arrivals].filter(([caseId]) => !plannedIds.has(caseId)));
  if (missing.size > 0) await refile({ store, index, answered, ours }, stored.filter((doc) => missing.has(doc.caseId ?? '')), fresh, joining);
  const recorded = await recordArrivals(store, joining, new Map(), { now, escalationTeam: fallbackAgentTeam(props.rules), targets, hoursOf });
  const cases = [...opened, ...recorded.cases];
  const openingEvents = opened.map((doc) => ({ caseId: doc._id, type: 'created', data: { messageId: createdMessageOf(doc, arrivals.get(doc._id)!, planned.routed) } }));

  const accepted = new Set(stored.map((doc) => `${doc.platform}:${doc.externalId}`));
  const acceptedIds = unique.filter((message) => accepted.has(keyOf(message))).map((message) => message.id);
  const acceptedOnce = new Set(acceptedIds);
  // Stored before (or by another process meanwhile), or a later copy within the batch.
  const duplicates = props.messages.filter((message) => !acceptedOnce.delete(message.id)).map((message) => message.id);
  return { accepted: acceptedIds, duplicates, cases, stored, openings: openingsOf([...openingEvents, ...recorded.events], cases, stored, planned.routed) };
}

/** The message a case was opened with: the routed one (openCases writes its `created` event for it). */
function createdMessageOf(doc: CaseDocument, messages: readonly Message[], routed: ReadonlyMap<string, Decision>): string {
  return (messages.find((message) => routed.has(message.id)) ?? [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))[0]!).id;
}

/**
 * Stored messages pointing at a planned case that was not opened (another
 * process opened the conversation first): they point at the winner's case
 * instead, the customers' ones joining it.
 */
async function refile(props: { store: Store; index: CaseIndex; answered: ReadonlyMap<string, string>; ours(message: Message): boolean }, docs: readonly MessageDocument[], batch: readonly Message[], joining: Map<string, Message[]>): Promise<void> {
  const messageOf = new Map(batch.map((message) => [keyOf(message), message]));
  const messages = docs.map((doc) => messageOf.get(`${doc.platform}:${doc.externalId}`)!);
  for (const doc of docs) props.index.forget(doc.caseId!);
  await props.index.loadThreads(props.store, messages);
  const moves = docs.map((doc, at) => {
    const message = messages[at]!;
    const target = props.ours(message) ? props.index.ofBrand(message, props.answered.get(message.id)) : props.index.ofCustomer(message);
    if (!target && !props.ours(message)) throw new Error(`case of ${message.id}: another process opened it, yet it is not found`);
    if (target && !props.ours(message)) joining.set(target._id, [...(joining.get(target._id) ?? []), message]);
    doc.caseId = target?._id ?? null;
    return { _id: doc._id, update: { $set: { caseId: doc.caseId } } };
  });
  await props.store.collections.messages.updateEach(moves);
}

/** The messages whose `created` event this batch recorded, with their decisions. */
function openingsOf(events: ReadonlyArray<{ caseId: string; type: string; data: Record<string, unknown> }>, cases: readonly CaseDocument[], stored: readonly MessageDocument[], routed: ReadonlyMap<string, Decision>): IngestedOpening[] {
  const caseById = new Map(cases.map((doc) => [doc._id, doc]));
  const messageById = new Map(stored.map((doc) => [`${doc.platform}:${doc.externalId}`, doc]));
  const openings: IngestedOpening[] = [];
  for (const event of events) {
    if (event.type !== 'created') continue;
    const message = messageById.get(String(event.data.messageId));
    const decision = routed.get(String(event.data.messageId));
    const opened = caseById.get(event.caseId);
    if (message && decision && opened) openings.push({ case: opened, message, decision });
  }
  return openings.sort((a, b) => a.message.createdAt.getTime() - b.message.createdAt.getTime());
}

/** Where a bot case goes when its answer did not help: the fallback team when it is an agent tier, else `care`. */
function fallbackAgentTeam(rules: ActiveRuleSet): string {
  const { fallback } = rules.get().ruleSet;
  return fallback.tier === 1 ? fallback.team : 'care';
}

function keyOf(message: Message): string {
  const key = messageKey(message);
  return `${key.platform}:${key.externalId}`;
}

/** Keeps the first copy of each id within the batch. */
function dedupeBatch(messages: readonly Message[]): Message[] {
  const seen = new Set<string>();
  return messages.filter((message) => !seen.has(message.id) && seen.add(message.id));
}

/**
 * The batch's messages not stored yet, and the stored ones whose case was
 * never written (the process storing them died before it opened their case:
 * they are stored pointing at a case id that does not exist).
 */
async function splitStored(store: Store, messages: Message[]): Promise<{ fresh: Message[]; orphans: Array<{ message: Message; caseId: string }> }> {
  const stored = new Map<string, string | null>();
  const byPlatform = new Map<string, string[]>();
  for (const message of messages) {
    const { platform, externalId } = messageKey(message);
    const ids = byPlatform.get(platform);
    if (ids) ids.push(externalId);
    else byPlatform.set(platform, [externalId]);
  }
  for (const [platform, externalIds] of byPlatform) {
    const found = await store.collections.messages.find({ platform, externalId: { $in: externalIds } }, { fields: ['platform', 'externalId', 'caseId'] });
    for (const doc of found) stored.set(`${doc.platform}:${doc.externalId}`, doc.caseId ?? null);
  }
  const pointedAt = [...new Set([...stored.values()].filter((caseId): caseId is string => caseId !== null))];
  const existing = pointedAt.length > 0 ? new Set((await store.collections.cases.find(allTeamsScope(), { _id: { $in: pointedAt } }, { fields: ['_id'] })).map((doc) => doc._id)) : new Set<string>();
  const fresh: Message[] = [];
  const orphans: Array<{ message: Message; caseId: string }> = [];
  for (const message of messages) {
    const key = keyOf(message);
    if (!stored.has(key)) fresh.push(message);
    else if (stored.get(key) && !existing.has(stored.get(key)!)) orphans.push({ message, caseId: stored.get(key)! });
  }
  return { fresh, orphans };
}
