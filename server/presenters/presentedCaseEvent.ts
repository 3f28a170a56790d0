import type { CaseEventType } from '../store/schemas/caseEventType.js';

/**
 * One entry of a case's audit trail as the API shows it. Its own file,
 * importing only an import-free type module, because the client derives its
 * `CaseEvent` from it (type-only).
 */
export interface PresentedCaseEvent {
  id: string;
  caseId: string;
  seq: number;
  type: CaseEventType;
  at: string;
  /** `name`: a user actor's username, where the answer names people (GET /api/cases/:id). */
  actor: { kind: 'user' | 'system' | 'connector'; id: string | null; name?: string };
  data: Record<string, unknown>;
}
