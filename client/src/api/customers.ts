import { request } from './http.js';
// Type-only: the answers of /api/customers are the server route's own (an import-free file).
import type { BlockCustomerBody, CustomerAnswer } from '../../../server/routes/customers/bodies.js';

export type { CustomerAnswer, PresentedCustomer } from '../../../server/routes/customers/bodies.js';

/** The person ("platform:authorId") and every case of theirs I may see. */
export function getCustomer(id: string, signal?: AbortSignal): Promise<CustomerAnswer> {
  return request<CustomerAnswer>(`/api/customers/${encodeURIComponent(id)}`, { signal });
}

/** Blocks a person (admins): their new cases open suppressed and are never answered automatically. */
export function blockCustomer(id: string, reason: string): Promise<CustomerAnswer> {
  return request<CustomerAnswer>(`/api/customers/${encodeURIComponent(id)}/block`, { method: 'POST', body: { reason } satisfies BlockCustomerBody });
}

/** Unblocks a person (admins). */
export function unblockCustomer(id: string): Promise<void> {
  return request<void>(`/api/customers/${encodeURIComponent(id)}/block`, { method: 'DELETE' });
}
