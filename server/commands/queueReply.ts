import { notFound, unprocessable } from '../errors.js';
import { X_DM_MAX_LENGTH, X_PUBLIC_MAX_LENGTH, xWeightedLength } from '../replies/xLength.js';
import { detect } from '../routing/detectors.js';
import type { Channel } from '../routing/index.js';
import { newId, plainString, type CaseDocument, type MessageDocument, type Store, type TeamScope } from '../store/index.js';
import { changeCase, type CaseChange, type EventActor } from './changeCase.js';

/** Who sends a reply: an agent or admin (user id), or the system (`bot` answers, `move-to-dm` notes). */
export interface ReplySender {
  kind: 'user' | 'system';
  id: string;
}

export interface QueueReplyProps {
  store: Store;
  /** The caller's teams: a case outside them is not found. */
  scope: TeamScope;
  sender: ReplySender;
  /** The replier's username: an unassigned case is assigned to them (absent for system replies). */
  assignTo?: string;
  caseId: string;
  text: string;
  channel: Channel;
  /** Our own accounts per platform ("x:1000…"): the author of what we send. */
  brandAccounts: ReadonlySet<string>;
  now?: Date;
}

export interface QueuedReply {
  reply: MessageDocument;
  case: CaseDocument;
}

/** The placeholder network id of a reply until the network gives it one (never a real X id: those are digits). */
export function pendingExternalId(replyId: string): string {
  return `reply-${replyId}`;
}

/**
 * Stores a reply as an outbound message of the case with delivery `queued`
 * (the outbox sends it), and records a `reply` event. A public reply answers
 * the customer's newest public post and must fit X's 280 (X's counting); a DM
 * goes to the case's customer, also from a public case. A public reply with
 * personal data on a Tier 2 case is refused. An agent replying to an
 * unassigned case takes it; the case opens when the reply is delivered
 * (recordDelivery), not here.
 */
export function queueReply(props: QueueReplyProps): Promise<QueuedReply> {
  return props.store.exclusive(`case:${props.caseId}`, () => storeReply(props));
}

async function storeReply(props: QueueReplyProps): Promise<QueuedReply> {
  const { store, scope, sender, channel, text } = props;
  const now = props.now ?? new Date();
  const current = await store.collections.cases.findOne(scope, { _id: plainString(props.caseId, 'case id') });
  if (!current) throw notFound('case');
  assertSendable(current, channel, text);

  const replyId = newId();
  const inserted = await store.collections.messages.insertOne({
    _id: replyId,
    platform: current.platform,
    externalId: pendingExternalId(replyId),
    channel,
    text,
    createdAt: now,
    receivedAt: now,
    author: { id: brandAccountOf(props.brandAccounts, current.platform) },
    attachments: [],
    threadId: channel === current.channel ? current.threadId : undefined,
    inReplyTo: channel === 'public' ? await repliedPostId(store, current) : undefined,
    caseId: current._id,
    delivery: { status: 'queued', sender, customerId: current.customer.id, attempts: 0, nextAttemptAt: now },
  });
  if (inserted.status !== 'inserted') throw new Error(`reply ${replyId} could not be stored`);

  const changed = await changeCase({ store, scope, caseId: current._id, now, plan: (latest) => queuedChange(latest, inserted.document, sender, props.assignTo) });
  return { reply: inserted.document, case: changed?.case ?? current };
}

function queuedChange(current: CaseDocument, reply: MessageDocument, sender: ReplySender, assignTo: string | undefined): CaseChange {
  const actor: EventActor = { kind: sender.kind, id: sender.id };
  // Our replies count among the case's messages, as the customer sees the conversation.
  const change: CaseChange = { set: {}, inc: { messageCount: 1 }, events: [{ type: 'reply', actor, data: { replyId: reply._id, channel: reply.channel, status: 'queued' } }] };
  // Whoever answers an unassigned case has taken it up, so colleagues do not answer it twice.
  if (sender.kind === 'user' && assignTo && !current.assignee) {
    change.set.assignee = assignTo;
    change.events.push({ type: 'updated', actor, data: { assignee: { from: null, to: assignTo } } });
  }
  return change;
}

/** 422 unless the text may go out on the channel (the schema has already bounded it). */
function assertSendable(current: CaseDocument, channel: Channel, text: string): void {
  if (channel === 'public' && current.channel !== 'public') {
    throw unprocessable('a DM case has no public post to reply to: send a DM', [{ pointer: '/channel', message: 'must be "dm" for a DM case' }]);
  }
  if (text.trim() === '') throw unprocessable('the reply is empty', [{ pointer: '/text', message: 'must not be blank' }]);
  assertNoPublicPersonalData(current, channel, text);
  if (channel === 'public') {
    const length = xWeightedLength(text);
    if (length > X_PUBLIC_MAX_LENGTH) {
      throw unprocessable(`a public reply may be ${X_PUBLIC_MAX_LENGTH} characters as X counts them`, [{ pointer: '/text', message: `is ${length} characters as X counts them (links 23, emoji and CJK 2); at most ${X_PUBLIC_MAX_LENGTH}` }]);
    }
  } else if ([...text].length > X_DM_MAX_LENGTH) {
    throw unprocessable(`a DM may be ${X_DM_MAX_LENGTH} characters`, [{ pointer: '/text', message: `must have at most ${X_DM_MAX_LENGTH} characters` }]);
  }
}

/** 422 for a public reply on a Tier 2 (private) case in which the detectors find personal data: such data goes by DM only. */
function assertNoPublicPersonalData(current: CaseDocument, channel: Channel, text: string): void {
  if (channel !== 'public' || current.tier !== 2) return;
  const found = detect(text);
  if (found.length === 0) return;
  const kinds = found.map((kind) => (kind === 'card' ? 'a card number' : kind === 'phone' ? 'a phone number' : 'an email address')).join(', ');
  throw unprocessable('a public reply on a Tier 2 case may not contain personal data: send it as a DM', [{ pointer: '/text', message: `contains ${kinds}` }]);
}

/** The network id of the post a public reply answers: the customer's newest public post in the case (the thread's first, failing that). */
async function repliedPostId(store: Store, current: CaseDocument): Promise<string> {
  const newest = await store.collections.messages.findOne(
    { caseId: current._id, channel: 'public', delivery: null, 'author.id': current.customer.id },
    { sort: { createdAt: -1 } },
  );
  return newest?.externalId ?? current.threadId;
}

/** Our account's id on a platform ("x:1000…" → "1000…"); "brand" where none is configured (such a reply fails: no connector). */
function brandAccountOf(brandAccounts: ReadonlySet<string>, platform: string): string {
  for (const account of brandAccounts) if (account.startsWith(`${platform}:`)) return account.slice(platform.length + 1);
  return 'brand';
}
