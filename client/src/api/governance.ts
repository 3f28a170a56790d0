import { request } from './http.js';
// Type-only: the bodies and answers are the server routes' own (import-free files).
import type { CreateWebhookBody, DeliveryListAnswer, PatchWebhookBody, WebhookAnswer, WebhookListAnswer } from '../../../server/routes/webhooks/bodies.js';
import type { ErasureAnswer } from '../../../server/routes/customers/bodies.js';

export type { PresentedDelivery, PresentedWebhook } from '../../../server/routes/webhooks/bodies.js';
export { WEBHOOK_EVENT_TYPES } from '../../../server/store/schemas/webhookEventType.js';

/** The outbound webhooks (admins). */
export function listWebhooks(signal?: AbortSignal): Promise<WebhookListAnswer> {
  return request<WebhookListAnswer>('/api/webhooks', { signal });
}

/** Adds a webhook; the answer holds its secret, shown this once. */
export function createWebhook(body: CreateWebhookBody): Promise<WebhookAnswer> {
  return request<WebhookAnswer>('/api/webhooks', { method: 'POST', body });
}

/** Changes a webhook (pause, resume, URL, events). */
export function patchWebhook(id: string, body: PatchWebhookBody): Promise<WebhookAnswer> {
  return request<WebhookAnswer>(`/api/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** A webhook's recent deliveries, newest first. */
export function listDeliveries(id: string, signal?: AbortSignal): Promise<DeliveryListAnswer> {
  return request<DeliveryListAnswer>(`/api/webhooks/${encodeURIComponent(id)}/deliveries`, { signal });
}

/** Sends a delivery again now. */
export function redeliver(id: string, deliveryId: string): Promise<unknown> {
  return request(`/api/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/redeliver`, { method: 'POST' });
}

/** One entry of the audit log as GET /api/audit answers it. */
export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string | null; username: string | null };
  action: string;
  target: { kind: string; id: string } | null;
  status: number;
  state: 'pending' | 'done' | 'refused' | 'erased';
  request: unknown;
  before: unknown;
  after: unknown;
}

/** The filters of the audit viewer (empty strings are left out). */
export interface AuditFilters {
  actor: string;
  action: string;
  from: string;
  to: string;
}

/** A page of the audit log, newest first. */
export function listAudit(filters: AuditFilters, cursor: string | null, signal?: AbortSignal): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value.trim() !== '') query.set(name, value.trim());
  if (cursor) query.set('cursor', cursor);
  query.set('limit', '50');
  return request(`/api/audit?${query.toString()}`, { signal });
}

/** Erases a person for good (admins): `{confirm: true}` as the API wants it. */
export function eraseCustomer(id: string): Promise<ErasureAnswer> {
  return request<ErasureAnswer>(`/api/customers/${encodeURIComponent(id)}/erase`, { method: 'POST', body: { confirm: true } });
}
