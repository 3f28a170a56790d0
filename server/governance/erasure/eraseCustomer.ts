import { repairStagedEvents, REPAIR_BATCH } from '../../cases/caseHistory.js';
import type { CustomerKey } from '../../commands/customers/customerKey.js';
import { notFound } from '../../errors.js';
import { allTeamsScope, type Store } from '../../store/index.js';
import { enqueueWebhookEvent } from '../../webhooks/enqueueEvent.js';
import { eraseAuditEntries, eraseCases, eraseMessages, type ErasureCounts } from './eraseCases.js';
import { eraseMentions } from './eraseMentions.js';
import { ERASED } from './personalText.js';

// Bounds the passes when cases keep being written meanwhile (each pass copies what it saw either way).
const MAX_REPAIR_PASSES = 20;

/** What POST /api/customers/:id/erase did: counts only (the audit entry keeps this, never what was erased). */
export interface CustomerErasure extends ErasureCounts {
  customer: string;
  /** Other people's messages, notes and case previews that named the person (now "[erased]" there). */
  mentions: number;
  /** The `customer.erased` webhook event. */
  eventId: string;
}

/**
 * Erases a person (per platform author id) everywhere the store holds them:
 * their cases and everything in them (eraseCases), their own messages
 * outside them, their handle and name inside other people's messages, notes
 * and previews, the reason of their block (the block stays: erasure does not
 * unblock) and the audit entries about them (block, export: the entries stay,
 * their request and answer are scrubbed); then tells webhooks
 * (`customer.erased`, with the person's id and case ids only). Cases go last,
 * so running it again completes an erasure a crash cut short. 404 when
 * nothing is held about the person.
 */
export async function eraseCustomer(store: Store, key: CustomerKey, now = new Date()): Promise<{ erasure: CustomerErasure; caseIds: string[] }> {
  const { cases: caseCollection, messages, customerBlocks } = store.collections;
  // Events recently staged on any case (a note naming them, say) go to caseEvents first, where they are scrubbed.
  for (let pass = 0; pass < MAX_REPAIR_PASSES && (await repairStagedEvents(store, now, 0)) === REPAIR_BATCH; pass++);
  const own = { platform: key.platform, 'author.id': key.authorId };
  const cases = await caseCollection.find(allTeamsScope(), { platform: key.platform, 'customer.id': key.authorId }, { sort: { createdAt: 1 } });
  const ownMessages = await messages.find(own, { fields: ['author'] });
  const block = await customerBlocks.findOne({ customer: key.key });
  if (cases.length === 0 && ownMessages.length === 0 && !block) throw notFound('customer');

  const needles = [...cases.flatMap((doc) => [doc.customer.handle, doc.customer.name]), ...ownMessages.flatMap((doc) => [doc.author.handle, doc.author.name])].filter((value): value is string => typeof value === 'string');
  const caseIds = cases.map((doc) => doc._id);
  const mentions = await eraseMentions(store, needles, caseIds);
  const auditEntries = await eraseAuditEntries(store, { kind: 'customer', ids: [key.key, key.authorId] }, needles);
  if (block) await customerBlocks.updateOne({ _id: block._id }, { $set: { reason: ERASED } });
  const ownErased = await eraseMessages(store, own);
  const counts = await eraseCases(store, cases, needles, now);
  const eventId = await enqueueWebhookEvent(store, 'customer.erased', { customer: key.key, caseIds }, now);
  return {
    erasure: { customer: key.key, ...counts, messages: counts.messages + ownErased, auditEntries: counts.auditEntries + auditEntries, mentions, eventId },
    caseIds,
  };
}
