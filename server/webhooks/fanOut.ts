import { presentCase } from '../presenters/case.js';
import { allTeamsScope, type CaseEventDocument, type Filter, type SortSpec, type Store } from '../store/index.js';
import type { WebhookDocument } from '../store/schemas/webhook.js';
import type { NewWebhookDeliveryDocument } from '../store/schemas/webhookDelivery.js';
import { RETRY_FOR_MS } from './backoff.js';
import { CASE_EVENT_SOURCES, webhookEventOf } from './webhookEvents.js';

const CURSOR_ID = 'caseEvents';
/** Case events stored this far before the last pass are read again: one stamped `storedAt` a little before its write committed (a slow writer) is still found. The delivery id makes a second read harmless. */
export const SETTLE_MS = 30 * 1000;
const PAGE = 500;
/**
 * How long after the first pass that reads by `storedAt` events without it
 * are also read, by `at`: the processes of the version before it (which
 * store none) are expected to be gone by then. A read of its own, since
 * FerretDB scans the collection for each (the embedded store uses an index).
 */
export const UPGRADE_MS = 60 * 60 * 1000;

type StoredTime = 'storedAt' | 'at';

/**
 * Turns the case events stored since the last pass into webhook deliveries,
 * one per subscribed webhook (stored before anything is sent). Events are
 * read by `storedAt`, the time they were copied to caseEvents, not by `at`:
 * an event whose writer died after its case write is copied by the repair
 * sweep or the case's next writer, maybe minutes later, with its original
 * `at`, and is delivered all the same. Events stored before `storedAt`
 * existed (or by a process of that version, during an upgrade) have none
 * and are read by `at`, as then, for UPGRADE_MS after the first pass that
 * read by `storedAt`. A repeated pass stores nothing twice (the delivery id
 * is `webhookId:eventId`). Returns how many deliveries it stored.
 */
export async function fanOutCaseEvents(store: Store, now: Date): Promise<number> {
  const { webhookCursors, webhooks: webhookCollection } = store.collections;
  const webhooks = await webhookCollection.find({ paused: false });
  const cursor = await webhookCursors.findOne({ _id: CURSOR_ID });
  const storedAtSince = cursor?.storedAtSince ?? now;
  if (webhooks.length === 0) {
    await saveCursor(store, now, storedAtSince);
    return 0;
  }
  const oldestHook = Math.min(...webhooks.map((hook) => hook.createdAt.getTime()));
  const from = new Date(Math.max(oldestHook, (cursor?.scannedUntil.getTime() ?? oldestHook) - SETTLE_MS));
  const fanOut = (field: StoredTime, filter: Filter) => fanOutStoredBetween(store, webhooks, { field, filter, from, now });
  let stored = await fanOut('storedAt', {});
  // `$exists`, not `null`: the embedded store leaves it to mingo, so SQLite reads by the { type, at } index, not every event lacking storedAt.
  if (now.getTime() - storedAtSince.getTime() < UPGRADE_MS) stored += await fanOut('at', { storedAt: { $exists: false } });
  await saveCursor(store, now, storedAtSince);
  return stored;
}

/** Stores the deliveries of the case events (of `filter`) whose `field` lies in [from, now], a page at a time in `field` order. */
async function fanOutStoredBetween(store: Store, webhooks: WebhookDocument[], range: { field: StoredTime; filter: Filter; from: Date; now: Date }): Promise<number> {
  const { field, now } = range;
  const read = (filter: Filter, sort: SortSpec) => store.collections.caseEvents.find({ type: { $in: [...CASE_EVENT_SOURCES] }, ...range.filter, ...filter }, { sort, limit: PAGE });
  let stored = 0;
  let after = range.from;
  for (;;) {
    const events = await read({ [field]: { $gte: after, $lte: now } }, { [field]: 1 });
    stored += await storeDeliveries(store, webhooks, events, now);
    if (events.length < PAGE) return stored;
    const last = events.at(-1)![field]!;
    if (last.getTime() > after.getTime()) {
      after = last;
      continue;
    }
    // A whole page at one instant (a batch copied at once): the rest of that instant by `_id` (the store sorts ties by it), then past it.
    for (let lastId = events.at(-1)!._id; ; ) {
      const more = await read({ [field]: last, _id: { $gt: lastId } }, { _id: 1 });
      stored += await storeDeliveries(store, webhooks, more, now);
      if (more.length < PAGE) break;
      lastId = more.at(-1)!._id;
    }
    after = new Date(last.getTime() + 1);
  }
}

async function saveCursor(store: Store, now: Date, storedAtSince: Date): Promise<void> {
  await store.collections.webhookCursors.upsertOne({ _id: CURSOR_ID }, { $set: { scannedUntil: now, storedAtSince } });
}

async function storeDeliveries(store: Store, webhooks: WebhookDocument[], events: CaseEventDocument[], now: Date): Promise<number> {
  const candidates: Array<{ hook: WebhookDocument; event: CaseEventDocument; type: NonNullable<ReturnType<typeof webhookEventOf>> }> = [];
  for (const event of events) {
    const type = webhookEventOf(event);
    if (!type) continue;
    for (const hook of webhooks) if (hook.events.includes(type) && event.at >= hook.createdAt) candidates.push({ hook, event, type });
  }
  if (candidates.length === 0) return 0;
  const ids = candidates.map(({ hook, event }) => `${hook._id}:${event._id}`);
  const existing = new Set((await store.collections.webhookDeliveries.find({ _id: { $in: ids } }, { fields: ['_id'] })).map((doc) => doc._id));
  const fresh = candidates.filter((_, index) => !existing.has(ids[index]!));
  if (fresh.length === 0) return 0;
  const caseIds = [...new Set(fresh.map(({ event }) => event.caseId))];
  const cases = new Map((await store.collections.cases.find(allTeamsScope(), { _id: { $in: caseIds } })).map((doc) => [doc._id, doc]));
  const deliveries = fresh.map(({ hook, event, type }): NewWebhookDeliveryDocument => {
    const current = cases.get(event.caseId);
    return {
      _id: `${hook._id}:${event._id}`,
      webhookId: hook._id,
      eventId: event._id,
      type,
      orderKey: event.caseId,
      seq: event.seq,
      payload: {
        id: event._id,
        type,
        createdAt: event.at.toISOString(),
        data: { caseId: event.caseId, seq: event.seq, actor: { kind: event.actor.kind, id: event.actor.id ?? null }, details: event.data, case: current ? presentCase(current) : null },
      },
      nextAttemptAt: now,
      giveUpAt: new Date(now.getTime() + RETRY_FOR_MS),
      createdAt: now,
    };
  });
  const results = await store.collections.webhookDeliveries.insertMany(deliveries);
  return results.filter((result) => result.status === 'inserted').length;
}
