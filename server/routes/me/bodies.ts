import type { Availability } from '../../store/schemas/availability.js';

/*
 * The request bodies and answers of /api/me. Their own file, importing only
 * import-free type modules, because the client uses them (type-only).
 */

/** PUT /api/me/availability. */
export interface PutAvailabilityBody {
  status: Availability;
}

/** GET and PUT /api/me/availability. */
export interface AvailabilityAnswer {
  status: Availability;
}
