import type { CaseEventDocument } from '../store/index.js';
import type { PresentedCaseEvent } from './presentedCaseEvent.js';

export type { PresentedCaseEvent } from './presentedCaseEvent.js';

/** The one shape of a case event, for HTTP bodies and socket payloads alike. */
export function presentCaseEvent(doc: CaseEventDocument, usernames?: ReadonlyMap<string, string>): PresentedCaseEvent {
  const name = doc.actor.kind === 'user' && doc.actor.id ? usernames?.get(doc.actor.id) : undefined;
  return {
    id: doc._id,
    caseId: doc.caseId,
    seq: doc.seq,
    type: doc.type,
    at: doc.at.toISOString(),
    actor: { kind: doc.actor.kind, id: doc.actor.id ?? null, ...(name ? { name } : {}) },
    data: doc.data,
  };
}
