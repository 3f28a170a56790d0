import { ensureStagedEventsWritten } from '../../cases/caseHistory.js';
import { allTeamsScope, type CaseDocument, type Store } from '../../store/index.js';
import { scrubbed } from './personalText.js';

/** How much one erasure rewrote, per collection (the API's answer and the audit entry: counts, never contents). */
export interface ErasureCounts {
  cases: number;
  messages: number;
  events: number;
  webhookDeliveries: number;
  auditEntries: number;
}

export const NO_ERASURE: ErasureCounts = { cases: 0, messages: 0, events: 0, webhookDeliveries: 0, auditEntries: 0 };

/** The audit action of POST /api/customers/:id/erase (auditedRoutes.ts). */
const ERASE_ACTION = 'customer.erase';

// Records rewritten per store write.
const BATCH = 200;

/**
 * Erases the personal data held in and about some cases: every message of
 * the cases (the customer's and our answers, which quote them) loses its
 * text, author name and handle, attachments and extra fields; their events,
 * webhook deliveries and audit entries lose texts, names, handles and
 * reasons (and the needles wherever else they appear in them); a queued
 * reply to the person is failed rather than sent empty. The cases keep
 * their tier, team, status, times and figures and get `erasedAt`; they are
 * rewritten last, so an erasure cut short by a crash is found again (by the
 * retention sweep, or a second request) and completed: every step can run
 * twice.
 */
export async function eraseCases(store: Store, cases: readonly CaseDocument[], needles: readonly string[], now: Date): Promise<ErasureCounts> {
  if (cases.length === 0) return NO_ERASURE;
  const caseIds = cases.map((doc) => doc._id);
  const allNeedles = [...needles, ...cases.flatMap((doc) => [doc.customer.handle, doc.customer.name]).filter((value): value is string => typeof value === 'string')];
  // Events a case write staged on the case and may not have copied yet are copied first, so they are scrubbed with the rest.
  await ensureStagedEventsWritten(store, cases);
  const events = await eraseEvents(store, caseIds, allNeedles);
  const webhookDeliveries = await eraseDeliveries(store, caseIds, allNeedles);
  const auditEntries = await eraseAuditEntries(store, { kind: 'case', ids: caseIds }, allNeedles);
  const messages = await eraseMessages(store, { caseId: { $in: caseIds } });
  const erased = await store.collections.cases.updateEach(allTeamsScope(), cases.map((doc) => ({
    _id: doc._id,
    update: { $set: { preview: '', erasedAt: now, updatedAt: now }, $unset: { 'customer.handle': '', 'customer.name': '' }, $inc: { version: 1 } },
  })));
  // Unstaged unless the case was written meanwhile (its newer staged events are not yet in caseEvents).
  await store.collections.cases.updateEach(allTeamsScope(), cases.filter((doc) => doc.stagedAt).map((doc) => ({ _id: doc._id, expect: { lastEventSeq: doc.lastEventSeq }, update: { $set: { stagedEvents: [], stagedAt: null } } })));
  return { cases: erased.filter((result) => result.matched).length, messages, events, webhookDeliveries, auditEntries };
}

/** Blanks the messages matching `filter`: text, author name and handle, attachments, extra fields; a reply still queued to them fails instead of going out empty. */
export async function eraseMessages(store: Store, filter: Record<string, unknown>): Promise<number> {
  let count = 0;
  for (;;) {
    // Only the ones not blank yet: each pass makes progress, and a second erasure finds nothing left to do.
    const page = await store.collections.messages.find(
      { ...filter, $or: [{ text: { $ne: '' } }, { 'author.handle': { $exists: true } }, { 'author.name': { $exists: true } }, { 'attachments.0': { $exists: true } }, { extra: { $ne: null } }, { 'delivery.status': 'queued' }] },
      { limit: BATCH },
    );
    if (page.length === 0) return count;
    await store.collections.messages.updateEach(page.map((doc) => ({
      _id: doc._id,
      update: {
        $set: {
          text: '',
          attachments: [],
          extra: null,
          ...(doc.delivery?.status === 'queued' ? { 'delivery.status': 'failed', 'delivery.error': 'the customer was erased', 'delivery.nextAttemptAt': null } : {}),
        },
        $unset: { 'author.handle': '', 'author.name': '', customer: '' },
      },
    })));
    count += page.length;
  }
}

async function eraseEvents(store: Store, caseIds: string[], needles: readonly string[]): Promise<number> {
  const events = await store.collections.caseEvents.find({ caseId: { $in: caseIds } }, { sort: { caseId: 1, seq: 1 } });
  const changed = events.flatMap((event) => {
    const data = scrubbed(event.data, needles) as Record<string, unknown>;
    return JSON.stringify(data) === JSON.stringify(event.data) ? [] : [{ _id: event._id, update: { $set: { data } } }];
  });
  for (let at = 0; at < changed.length; at += BATCH) await store.collections.caseEvents.eraseEach(changed.slice(at, at + BATCH));
  return changed.length;
}

async function eraseDeliveries(store: Store, caseIds: string[], needles: readonly string[]): Promise<number> {
  const deliveries = await store.collections.webhookDeliveries.find({ orderKey: { $in: caseIds } });
  const changed = deliveries.flatMap((delivery) => {
    const data = scrubbed(delivery.payload.data, needles) as Record<string, unknown>;
    return JSON.stringify(data) === JSON.stringify(delivery.payload.data) ? [] : [{ _id: delivery._id, update: { $set: { 'payload.data': data } } }];
  });
  for (let at = 0; at < changed.length; at += BATCH) await store.collections.webhookDeliveries.updateEach(changed.slice(at, at + BATCH));
  return changed.length;
}

/** Scrubs the request, before and answer kept in the audit entries about some targets; the entries themselves (who, when, what action) stay. */
export async function eraseAuditEntries(store: Store, target: { kind: string; ids: readonly string[] }, needles: readonly string[]): Promise<number> {
  const entries = await store.collections.auditEntries.find({ 'target.kind': target.kind, 'target.id': { $in: [...target.ids] } });
  const changed = entries.flatMap((entry) => {
    const request = scrubbed(entry.request, needles);
    const before = scrubbed(entry.before, needles);
    const after = scrubbed(entry.after, needles);
    // A pending entry is closed: its settle, arriving after the erasure, must not write the person back (the erasure's own entry settles with counts only).
    const closes = entry.state === 'pending' && entry.action !== ERASE_ACTION;
    const same = JSON.stringify([request, before, after]) === JSON.stringify([entry.request, entry.before, entry.after]);
    return same && !closes ? [] : [{ _id: entry._id, update: { $set: { request, before, after, ...(closes ? { state: 'erased' as const } : {}) } } }];
  });
  for (let at = 0; at < changed.length; at += BATCH) await store.collections.auditEntries.eraseEach(changed.slice(at, at + BATCH));
  return changed.length;
}
