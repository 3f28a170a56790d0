import { changeCase } from '../commands/changeCase.js';
import { recordArrivals } from '../commands/recordArrivals.js';
import type { Message } from '../routing/index.js';
import { allTeamsScope, fromMessageDocument, type CaseDocument, type MessageDocument, type NewCaseDocument, type Store } from '../store/index.js';
import { newId } from '../store/index.js';
import { answeredAuthors } from './answeredAuthors.js';
import { DEFAULT_SLA } from './sla.js';
import { customerTime, previewOf } from './newCase.js';

/** The checkpoint that records the migration as done (it runs once per database). */
const DONE = { connector: 'migrations', stream: 'case-per-customer' };
const PAGE = 500;
const MIGRATION = { kind: 'system' as const, id: 'migration' };

/**
 * The start-up migration to one case per customer conversation (api.md).
 * Before it, everyone replying in one public conversation shared its first
 * customer's case. Each other customer's messages move to a case of their
 * own, which takes over the shared case's handling (tier, team, status,
 * assignee, priority, tags, routing, first response and resolution), as the
 * agents handled them together; our own posts answering that customer move
 * with them. The shared case keeps its first customer's messages, its
 * events, and an `updated` event saying what left. DM cases stay whole.
 * Runs once per database (a checkpoint marks it done); a run cut short is
 * finished by the next start. Returns how many cases it opened.
 */
export async function splitSharedCases(props: { store: Store; brandAccounts: ReadonlySet<string>; now?: Date }): Promise<number> {
  const { store } = props;
  if (await store.collections.checkpoints.findOne(DONE)) return 0;
  let opened = 0;
  let after = '';
  for (;;) {
    const page = await store.collections.cases.find(allTeamsScope(), { channel: 'public', _id: { $gt: after } }, { sort: { _id: 1 }, limit: PAGE });
    if (page.length === 0) break;
    after = page.at(-1)!._id;
    const messages = await store.collections.messages.find({ caseId: { $in: page.map((doc) => doc._id) } }, { sort: { createdAt: 1 } });
    for (const shared of page) opened += await splitCase(props, shared, messages.filter((message) => message.caseId === shared._id));
  }
  await store.collections.checkpoints.upsertOne(DONE, { $set: { updatedAt: props.now ?? new Date() } });
  return opened;
}

async function splitCase(props: { store: Store; brandAccounts: ReadonlySet<string>; now?: Date }, shared: CaseDocument, messages: MessageDocument[]): Promise<number> {
  const ours = (message: MessageDocument) => props.brandAccounts.has(`${message.platform}:${message.author.id}`);
  const others = new Map<string, MessageDocument[]>();
  for (const message of messages) {
    if (ours(message) || message.author.id === shared.customer.id) continue;
    others.set(message.author.id, [...(others.get(message.author.id) ?? []), message]);
  }
  if (others.size === 0) return 0;
  const answered = await answeredAuthors(props.store, messages.filter(ours).map(fromMessageDocument), messages.map(fromMessageDocument));
  let opened = 0;
  for (const [customerId, theirs] of others) {
    const answers = messages.filter((message) => ours(message) && answered.get(`${message.platform}:${message.externalId}`) === customerId);
    const target = await caseOf(props, shared, customerId, theirs);
    if (target.opened) opened++;
    await props.store.collections.messages.updateEach([...theirs, ...answers].map((message) => ({ _id: message._id, update: { $set: { caseId: target.id } } })));
    const now = props.now ?? new Date();
    await recordArrivals(props.store, new Map([[target.id, theirs.map(fromMessageDocument)]]), new Map(), { now, escalationTeam: shared.team, targets: DEFAULT_SLA });
    await changeCase({
      store: props.store,
      scope: allTeamsScope(),
      caseId: shared._id,
      now,
      plan: () => ({ set: {}, inc: { messageCount: -theirs.length }, events: [{ type: 'updated', actor: MIGRATION, data: { movedTo: { caseId: target.id, customerId, messages: theirs.length }, reason: 'one case per customer conversation' } }] }),
    });
  }
  return opened;
}

/** The customer's own case in the conversation: opened now, taking over the shared case's handling, unless one exists already. */
async function caseOf(props: { store: Store; now?: Date }, shared: CaseDocument, customerId: string, theirs: MessageDocument[]): Promise<{ id: string; opened: boolean }> {
  const first = theirs[0]!;
  const latest = theirs.at(-1)!;
  const firstMessage: Message = fromMessageDocument(first);
  const written = customerTime(firstMessage, first.receivedAt);
  const doc: NewCaseDocument = {
    _id: newId(),
    tier: shared.tier, team: shared.team, status: shared.status, priority: shared.priority, tags: shared.tags, assignee: shared.assignee,
    channel: shared.channel, platform: shared.platform, threadId: shared.threadId,
    customer: { id: customerId, handle: latest.author.handle, name: latest.author.name },
    preview: previewOf(first.text),
    routing: shared.routing,
    slaDueAt: shared.slaDueAt, slaBreachedAt: shared.slaBreachedAt, firstResponseAt: shared.firstResponseAt, resolvedAt: shared.resolvedAt,
    firstMessageAt: written,
    waitingSince: shared.waitingSince ? written : null,
    messageCount: 0, lastEventSeq: 0, lastActivityAt: latest.createdAt,
    createdAt: first.receivedAt, updatedAt: props.now ?? new Date(),
  };
  const [result] = await props.store.collections.cases.insertMany(allTeamsScope(), [doc]);
  if (result!.status === 'inserted') return { id: doc._id!, opened: true };
  const existing = await props.store.collections.cases.findOne(allTeamsScope(), { platform: shared.platform, threadId: shared.threadId, 'customer.id': customerId });
  if (!existing) throw new Error(`case of ${customerId} in ${shared.platform}/${shared.threadId}: refused as a duplicate, yet not found`);
  return { id: existing._id, opened: false };
}
