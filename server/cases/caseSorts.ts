/**
 * The orders of GET /api/cases: newest activity first, soonest
 * response-time target first, or highest priority first and within a
 * priority soonest target first. Its own file, free of imports, so the client's
 * type-only import of the cases route's query does not pull the store in.
 */
export const CASE_SORTS = ['activity', 'due', 'priority'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
