import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import { WEBHOOK_EVENT_TYPES } from '../../store/schemas/webhookEventType.js';
import type { CreateWebhookBody, PatchWebhookBody } from './bodies.js';

const url = { type: 'string', maxLength: 2000, pattern: '^https?://[^\\s/]+(/\\S*)?$' } as const;
const events = { type: 'array', minItems: 1, maxItems: WEBHOOK_EVENT_TYPES.length, uniqueItems: true, items: { type: 'string', enum: [...WEBHOOK_EVENT_TYPES] } } as const;
const secret = { type: 'string', minLength: 16, maxLength: 200 } as const;

const createWebhookSchema: JSONSchemaType<CreateWebhookBody> = {
  type: 'object',
  required: ['url', 'events'],
  additionalProperties: false,
  properties: { url, events, secret: { ...secret, nullable: true } },
};

const patchWebhookSchema: JSONSchemaType<PatchWebhookBody> = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { url: { ...url, nullable: true }, events: { ...events, nullable: true }, paused: { type: 'boolean', nullable: true }, secret: { ...secret, nullable: true } },
};

export const checkCreateWebhookBody = bodyValidator(createWebhookSchema);
export const checkPatchWebhookBody = bodyValidator(patchWebhookSchema);
