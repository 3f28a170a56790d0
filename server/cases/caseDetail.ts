import { logger } from '../logger.js';
import { withStagedEvents } from './caseHistory.js';
import { plainString, type CaseDocument, type CaseEventDocument, type MessageDocument, type Store, type TeamScope } from '../store/index.js';
import { routingTrace, type RoutingTraceStep } from './routingTrace.js';

/** A case with its messages (oldest first), its audit trail (by seq) and why it was routed (null when that cannot be replayed). */
export interface CaseDetail {
  case: CaseDocument;
  messages: MessageDocument[];
  events: CaseEventDocument[];
  trace: RoutingTraceStep[] | null;
}

/** The case with this id if the scope may see it, with its messages, events and routing trace; null otherwise. */
export async function caseDetail(props: { store: Store; scope: TeamScope; caseId: string }): Promise<CaseDetail | null> {
  const { collections } = props.store;
  const found = await collections.cases.findOne(props.scope, { _id: plainString(props.caseId, 'case id') });
  if (!found) return null;
  const [messages, events] = await Promise.all([
    collections.messages.find({ caseId: found._id }, { sort: { createdAt: 1 } }),
    collections.caseEvents.find({ caseId: found._id }, { sort: { seq: 1 } }).then((written) => withStagedEvents(found, written)),
  ]);
  // The trace explains; it never keeps an agent from the case.
  const trace = await routingTrace({ store: props.store, case: found, messages, events }).catch((error: unknown) => {
    logger.warn({ err: error, caseId: found._id }, 'replaying the routing of a case failed');
    return null;
  });
  return { case: found, messages, events, trace };
}
