import { request } from './http.js';
import type { Case } from './types.js';

/** Escalates a case with a reason, optionally to another tier (1 or 2) and team. */
export function escalateCase(id: string, escalation: { reason: string; tier?: 1 | 2; team?: string }): Promise<{ case: Case }> {
  return request(`/api/cases/${encodeURIComponent(id)}/escalations`, { method: 'POST', body: escalation });
}
