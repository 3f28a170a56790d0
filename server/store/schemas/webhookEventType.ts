/** The events a webhook can subscribe to (api.md). Free of imports, so the client can list them. */
export const WEBHOOK_EVENT_TYPES = ['case.created', 'case.updated', 'case.escalated', 'message.created', 'reply.sent', 'reply.failed', 'customer.erased'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
