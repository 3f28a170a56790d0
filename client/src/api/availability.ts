import { request } from './http.js';
// Type-only: the bodies of /api/me are the server route's own (an import-free file).
import type { AvailabilityAnswer, PutAvailabilityBody } from '../../../server/routes/me/bodies.js';
import type { Availability } from '../../../server/store/schemas/availability.js';

export type { Availability } from '../../../server/store/schemas/availability.js';

/** Whether I take cases now (GET /api/me/availability). */
export async function getAvailability(): Promise<Availability> {
  return (await request<AvailabilityAnswer>('/api/me/availability')).status;
}

/** Says whether I take cases; going offline hands my unanswered cases back to the queue. */
export async function putAvailability(status: Availability): Promise<Availability> {
  return (await request<AvailabilityAnswer>('/api/me/availability', { method: 'PUT', body: { status } satisfies PutAvailabilityBody })).status;
}
