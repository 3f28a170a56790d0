import type { CaseIndex } from '../cases/caseIndex.js';
import { newCase } from '../cases/newCase.js';
import type { ResponseTargets } from '../cases/responseTargets.js';
import type { HoursOf } from '../cases/teamHoursLookup.js';
import { routeMessage, type Decision, type Message } from '../routing/index.js';
import type { ActiveRuleSet } from '../ruleSets/activeRuleSet.js';
import { staging, writeStagedEvents, type NewCaseEvent } from '../cases/caseHistory.js';
import { allTeamsScope, type CaseDocument, type NewCaseDocument, type NewMessageDocument, type Store } from '../store/index.js';

const SYSTEM = { kind: 'system' as const, id: 'ingest' };

export interface OpenCasesContext {
  store: Store;
  rules: ActiveRuleSet;
  targets: ResponseTargets;
  /** Each team's business hours, which its cases' targets count (absent: all hours). */
  hoursOf?: HoursOf;
  now: Date;
  /** Blocked people ("platform:authorId"): their cases open suppressed, never answered. */
  blocked?: ReadonlySet<string>;
}

/** The cases a batch means to open, before anything is written, and routing's decision for each message it routed. */
export interface PlannedCases {
  docs: NewCaseDocument[];
  routed: Map<string, Decision>;
  ruleSetVersion: number;
}

/**
 * Routes each customer message whose conversation has no case and plans
 * that case (its id fixed now, so the messages are stored pointing at it).
 * A message stored before whose case never got written (a crash between
 * the two) is routed again and gets its case under the id it points at.
 */
export function planCases(context: OpenCasesContext, customers: readonly Message[], orphans: ReadonlyArray<{ message: Message; caseId: string }>, index: CaseIndex): PlannedCases {
  const active = context.rules.get();
  const routed = new Map<string, Decision>();
  const docs: NewCaseDocument[] = [];
  const open = (message: Message, caseId?: string) => {
    const routedDecision = routeMessage(active.compiled, message);
    const decision: Decision = context.blocked?.has(`${message.platform}:${message.author.id}`) ? blockedDecision(routedDecision) : routedDecision;
    const doc = newCase(message, decision, active.version, context.now, context.targets, context.hoursOf?.(decision.team) ?? null);
    if (caseId) doc._id = caseId;
    index.add({ ...doc, _id: doc._id!, createdAt: context.now });
    routed.set(message.id, decision);
    docs.push(doc);
  };
  for (const { message, caseId } of orphans) if (!index.ofCustomer(message)) open(message, caseId);
  for (const message of customers) if (!index.ofCustomer(message)) open(message);
  return { docs, routed, ruleSetVersion: active.version };
}

/**
 * Opens the planned cases that hold messages this batch stored, each with
 * those messages already counted and its events (`created`, then one
 * `message` each) staged on it, then copied to caseEvents (caseHistory.ts),
 * so a crash in between loses none. The unique case key decides a race with
 * another process: the ids of the planned cases that do not exist after it
 * come back as `missing`, and what the batch stored pointing at them goes to
 * the winners' cases.
 */
export async function openCases(context: OpenCasesContext, planned: PlannedCases, owned: ReadonlyMap<string, Message[]>): Promise<{ opened: CaseDocument[]; missing: Set<string> }> {
  const docs = planned.docs.filter((doc) => owned.has(doc._id!)).map((doc) => counted(doc, owned.get(doc._id!)!, planned.routed, context.now));
  // Planned but holding none of the stored messages (another process stored them, and opens their case): not opened.
  const missing = new Set(planned.docs.filter((doc) => !owned.has(doc._id!)).map((doc) => doc._id!));
  if (docs.length === 0) return { opened: [], missing };
  const results = await context.store.collections.cases.insertMany(allTeamsScope(), docs);
  const opened: CaseDocument[] = [];
  for (const [at, result] of results.entries()) {
    const doc = docs[at]!;
    if (result.status === 'inserted') opened.push(result.document);
    // Refused under its own id: opened meanwhile by another process repairing the same crash, which records it.
    else if (!(await context.store.collections.cases.findOne(allTeamsScope(), { _id: doc._id! }))) missing.add(doc._id!);
  }
  await writeStagedEvents(context.store, opened);
  return { opened, missing };
}

/** What a message document keeps of the decision that routed it. */
export function routedOf(decision: Decision, ruleSetVersion: number): NonNullable<NewMessageDocument['decision']> {
  return { ruleId: decision.ruleId, ruleSetVersion, tier: decision.tier, team: decision.team, priority: decision.priority, tags: decision.tags };
}

function inOrder(messages: readonly Message[]): Message[] {
  return [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

function counted(doc: NewCaseDocument, messages: readonly Message[], routed: ReadonlyMap<string, Decision>, now: Date): NewCaseDocument {
  const newest = Math.min(now.getTime(), Math.max(...messages.map((message) => Date.parse(message.createdAt)).filter((time) => !Number.isNaN(time))));
  const lastActivityAt = Number.isFinite(newest) && newest > (doc.lastActivityAt as Date).getTime() ? new Date(newest) : doc.lastActivityAt;
  return { ...doc, messageCount: messages.length, ...staging({ lastEventSeq: 0 }, openingEvents(doc, messages, routed), now), lastActivityAt };
}

/** `created` for the message routing opened the case with, then a `message` for each other one, oldest first. */
function openingEvents(doc: NewCaseDocument, messages: readonly Message[], routed: ReadonlyMap<string, Decision>): NewCaseEvent[] {
  const sorted = inOrder(messages);
  const first = sorted.find((message) => routed.has(message.id)) ?? sorted[0]!;
  const rest = sorted.filter((message) => message !== first);
  return [
    { type: 'created', actor: SYSTEM, data: { messageId: first.id, tier: doc.tier, team: doc.team, ruleId: doc.routing.ruleId, ruleSetVersion: doc.routing.ruleSetVersion } },
    ...rest.map((message): NewCaseEvent => ({ type: 'message', actor: SYSTEM, data: { messageId: message.id, direction: 'in' } })),
  ];
}

/** A blocked person's decision: the case still goes to the routed team (counted, visible on request), suppressed and without the bot's answer. */
function blockedDecision(decision: Decision): Decision {
  const kept: Decision = { ...decision, suppress: true };
  delete kept.reply;
  return kept;
}
