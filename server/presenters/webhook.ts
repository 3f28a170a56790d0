import type { WebhookDocument } from '../store/schemas/webhook.js';
import type { WebhookDeliveryDocument } from '../store/schemas/webhookDelivery.js';
import type { PresentedDelivery, PresentedWebhook } from '../routes/webhooks/bodies.js';

/** A webhook as the API shows it: never its secret. */
export function presentWebhook(doc: WebhookDocument): PresentedWebhook {
  return { id: doc._id, url: doc.url, events: [...doc.events], paused: doc.paused, createdAt: doc.createdAt.toISOString(), updatedAt: doc.updatedAt.toISOString() };
}

/** One delivery of the log: status, attempts, last response code, next attempt. */
export function presentDelivery(doc: WebhookDeliveryDocument): PresentedDelivery {
  return {
    id: doc._id,
    eventId: doc.eventId,
    type: doc.type,
    caseId: doc.payload.data.caseId === undefined ? null : String(doc.payload.data.caseId),
    status: doc.status,
    attempts: doc.attempts,
    lastStatusCode: doc.lastStatusCode ?? null,
    lastError: doc.lastError ?? null,
    nextAttemptAt: doc.status === 'pending' ? doc.nextAttemptAt.toISOString() : null,
    createdAt: doc.createdAt.toISOString(),
    deliveredAt: doc.deliveredAt ? doc.deliveredAt.toISOString() : null,
  };
}
