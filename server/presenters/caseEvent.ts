import type { CaseEventDocument, CaseEventType } from '../store/index.js';

/** One entry of a case's audit trail as the API shows it. */
export interface PresentedCaseEvent {
  id: string;
  caseId: string;
  seq: number;
  type: CaseEventType;
  at: string;
  actor: { kind: 'user' | 'system' | 'connector'; id: string | null };
  data: Record<string, unknown>;
}

/** The one shape of a case event, for HTTP bodies and socket payloads alike. */
export function presentCaseEvent(doc: CaseEventDocument): PresentedCaseEvent {
  return {
    id: doc._id,
    caseId: doc.caseId,
    seq: doc.seq,
    type: doc.type,
    at: doc.at.toISOString(),
    actor: { kind: doc.actor.kind, id: doc.actor.id ?? null },
    data: doc.data,
  };
}
