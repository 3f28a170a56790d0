/**
 * The orders of GET /api/cases: newest activity first, or soonest
 * response-time target first. Its own file, free of imports, so the client's
 * type-only import of the cases route's query does not pull the store in.
 */
export const CASE_SORTS = ['activity', 'due'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
