import { Schema } from 'mongoose';
import { documentOptions, idPath, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { WEBHOOK_EVENT_TYPES } from './webhookEventType.js';

/**
 * An outbound webhook (api.md "Integrations and governance"). The signing
 * secret is kept only encrypted (AES-256-GCM with WEBHOOK_SECRET_KEY, see
 * webhooks/secretBox.ts); the API shows it once, when it is created.
 */
export const webhookSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      url: { type: String, required: true, minlength: 1 },
      events: { type: [{ type: String, enum: WEBHOOK_EVENT_TYPES }], required: true },
      /** `iv.tag.ciphertext`, base64url each. */
      secretSealed: { type: String, required: true, minlength: 1 },
      paused: { type: Boolean, required: true, default: false },
      createdBy: { type: String, default: null },
      createdAt: { type: Date, required: true, default: () => new Date() },
      updatedAt: { type: Date, required: true, default: () => new Date() },
    },
    documentOptions,
  ),
);

// GET /api/webhooks lists them oldest first; the dispatcher reads all of them (few).
webhookSchema.index({ createdAt: 1 });

export type WebhookDocument = StoredDocument<typeof webhookSchema>;
export type NewWebhookDocument = NewDocument<typeof webhookSchema>;
