import { Schema } from 'mongoose';
import { documentOptions, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { WEBHOOK_EVENT_TYPES } from './webhookEventType.js';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The webhook outbox: one event for one webhook, stored before it is sent so
 * nothing is lost across a restart or a crash. `_id` is `webhookId:eventId`,
 * so storing the same event twice is a duplicate, not a second delivery.
 * Deliveries of one webhook and one `orderKey` (the case) go out one at a
 * time, in `seq` order.
 */
export const webhookDeliverySchema = withRevision(
  Schema.create(
    {
      _id: { type: String, required: true, minlength: 1 },
      webhookId: { type: String, required: true, minlength: 1 },
      /** The `id` of the payload: the same on every attempt, so a receiver deduplicates by it. */
      eventId: { type: String, required: true, minlength: 1 },
      type: { type: String, enum: WEBHOOK_EVENT_TYPES, required: true },
      /** The case id, or the event id for events of no case. */
      orderKey: { type: String, required: true, minlength: 1 },
      seq: { type: Number, required: true, min: 0 },
      /** `{id, type, createdAt, data}`, exactly as it is sent. */
      payload: { type: Schema.Types.Mixed, required: true },
      status: { type: String, enum: DELIVERY_STATUSES, required: true, default: 'pending' },
      attempts: { type: Number, required: true, default: 0, min: 0 },
      lastStatusCode: { type: Number, default: null },
      lastError: { type: String, default: null },
      nextAttemptAt: { type: Date, required: true },
      /** While a worker is sending it: nobody else takes it before this time. */
      claimedUntil: { type: Date, default: null },
      /** Retries stop after this (24 h after the first attempt was due). */
      giveUpAt: { type: Date, required: true },
      createdAt: { type: Date, required: true, default: () => new Date() },
      deliveredAt: { type: Date, default: null },
    },
    documentOptions,
  ),
);

// The dispatcher: pending deliveries that are due.
webhookDeliverySchema.index({ status: 1, nextAttemptAt: 1 });
// In order per case: the oldest pending delivery of a webhook and case.
webhookDeliverySchema.index({ webhookId: 1, orderKey: 1, seq: 1 });
// GET /api/webhooks/:id/deliveries: the newest first.
webhookDeliverySchema.index({ webhookId: 1, createdAt: -1 });

export type WebhookDeliveryDocument = Omit<StoredDocument<typeof webhookDeliverySchema>, 'payload'> & { payload: WebhookPayload };
export type NewWebhookDeliveryDocument = Omit<NewDocument<typeof webhookDeliverySchema>, 'payload'> & { payload: WebhookPayload };

/** What a receiver gets (api.md). */
export interface WebhookPayload {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}
