/**
 * Whether an agent takes cases (PUT /api/me/availability). Its own file, free
 * of imports, so the client's type-only import does not pull mongoose in.
 */
export const AVAILABILITIES = ['online', 'away', 'offline'] as const;
export type Availability = (typeof AVAILABILITIES)[number];
