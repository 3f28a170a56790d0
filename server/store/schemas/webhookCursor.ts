import { Schema } from 'mongoose';
import { documentOptions, withRevision, type NewDocument, type StoredDocument } from './define.js';

/** How far the webhook fan-out has read the case events (one document, `_id` "caseEvents"). */
export const webhookCursorSchema = withRevision(
  Schema.create(
    {
      _id: { type: String, required: true, minlength: 1 },
      scannedUntil: { type: Date, required: true },
      /** The first pass that read the case events by `storedAt` (none on a cursor of the version before it). */
      storedAtSince: { type: Date },
    },
    documentOptions,
  ),
);

export type WebhookCursorDocument = StoredDocument<typeof webhookCursorSchema>;
export type NewWebhookCursorDocument = NewDocument<typeof webhookCursorSchema>;
