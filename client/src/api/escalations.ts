import { request } from './http.js';
// Type-only: the body and answer are the escalations route's own (an import-free file).
import type { EscalationAnswer, EscalationBody } from '../../../server/routes/cases/bodies.js';

/** Escalates a case with a reason, optionally to another tier (1 or 2) and team. */
export function escalateCase(id: string, escalation: EscalationBody): Promise<EscalationAnswer> {
  return request(`/api/cases/${encodeURIComponent(id)}/escalations`, { method: 'POST', body: escalation });
}
