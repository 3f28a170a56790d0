/**
 * A case's life cycle (api.md `Case.status`). Its own file, free of imports,
 * so the client's type-only import of the case presenter's shape does not
 * pull mongoose in.
 */
export const CASE_STATUSES = ['new', 'open', 'pending', 'resolved', 'bot'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
