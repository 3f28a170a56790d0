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
  actor: { kind: 'user' | 'system' | 'connector'; id: string | null };
  data: Record<string, unknown>;
}
