import { newId, type Store } from '../store/index.js';
import type { WebhookEventType } from '../store/schemas/webhookEventType.js';
import { RETRY_FOR_MS } from './backoff.js';

/**
 * Stores an event that is no case event (`customer.erased`) in the outbox of
 * every active webhook subscribed to it; the dispatcher sends it like the
 * others. Call it after the change it announces is stored. Returns the event id.
 */
export async function enqueueWebhookEvent(store: Store, type: WebhookEventType, data: Record<string, unknown>, now = new Date()): Promise<string> {
  const eventId = newId();
  const hooks = await store.collections.webhooks.find({ paused: false, events: type });
  await store.collections.webhookDeliveries.insertMany(hooks.map((hook) => ({
    _id: `${hook._id}:${eventId}`,
    webhookId: hook._id,
    eventId,
    type,
    orderKey: eventId,
    seq: 0,
    payload: { id: eventId, type, createdAt: now.toISOString(), data },
    nextAttemptAt: now,
    giveUpAt: new Date(now.getTime() + RETRY_FOR_MS),
    createdAt: now,
  })));
  return eventId;
}
