/**
 * What happened to a case (`note`: an agent's internal note, never sent to
 * the customer). Its own file, free of imports, so the client's type-only
 * import of the case event presenter's shape does not pull mongoose in.
 */
export const CASE_EVENT_TYPES = ['created', 'message', 'updated', 'reply', 'escalated', 'sla_breach', 'note', 'assigned'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
