import { plainString, type CaseDocument, type CaseEventDocument, type MessageDocument, type Store, type TeamScope } from '../store/index.js';

/** A case with its messages (oldest first) and its audit trail (by seq). */
export interface CaseDetail {
  case: CaseDocument;
  messages: MessageDocument[];
  events: CaseEventDocument[];
}

/** The case with this id if the scope may see it, with its messages and events; null otherwise. */
export async function caseDetail(props: { store: Store; scope: TeamScope; caseId: string }): Promise<CaseDetail | null> {
  const { collections } = props.store;
  const found = await collections.cases.findOne(props.scope, { _id: plainString(props.caseId, 'case id') });
  if (!found) return null;
  const [messages, events] = await Promise.all([
    collections.messages.find({ caseId: found._id }, { sort: { createdAt: 1 } }),
    collections.caseEvents.find({ caseId: found._id }, { sort: { seq: 1 } }),
  ]);
  return { case: found, messages, events };
}
