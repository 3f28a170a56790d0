import type { WebhookEventType } from '../../store/schemas/webhookEventType.js';

/* Request bodies and answers of /api/webhooks; import-free types, so the client can use them. */

/** POST /api/webhooks. */
export interface CreateWebhookBody {
  url: string;
  events: WebhookEventType[];
  /** Chosen by the admin; generated when absent. */
  secret?: string;
}

/** PATCH /api/webhooks/:id. */
export interface PatchWebhookBody {
  url?: string;
  events?: WebhookEventType[];
  paused?: boolean;
  secret?: string;
}

export interface PresentedWebhook {
  id: string;
  url: string;
  events: string[];
  paused: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PresentedDelivery {
  id: string;
  eventId: string;
  type: string;
  caseId: string | null;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When it is tried next (pending only). */
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** GET /api/webhooks. */
export interface WebhookListAnswer {
  webhooks: PresentedWebhook[];
}

/** POST /api/webhooks (201, with the secret, shown this once), PATCH. */
export interface WebhookAnswer {
  webhook: PresentedWebhook;
  secret?: string;
}

/** GET /api/webhooks/:id/deliveries. */
export interface DeliveryListAnswer {
  deliveries: PresentedDelivery[];
}
