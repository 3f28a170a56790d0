import { notFound } from '../errors.js';
import type { SessionUser } from '../middleware/currentUser.js';
import { plainString, type CaseDocument, type CaseEventDocument, type Store, type TeamScope } from '../store/index.js';

export interface AddNoteProps {
  store: Store;
  /** The caller's teams: a case outside them is not found. */
  scope: TeamScope;
  author: Pick<SessionUser, 'id' | 'username'>;
  caseId: string;
  text: string;
  now?: Date;
}

/** The case as it is after the note (only its `lastEventSeq` moved) and the `note` event. */
export interface AddedNote {
  case: CaseDocument;
  event: CaseEventDocument;
}

/**
 * Appends an internal note to a case's history: a `note` event with the
 * author, taking the case's next event seq. A note is for colleagues only: it
 * is never sent to the customer, and it changes no field of the case (not its
 * `version`, so a colleague's PATCH in progress does not turn stale, nor its
 * activity time).
 */
export function addNote(props: AddNoteProps): Promise<AddedNote> {
  return props.store.exclusive(`case:${props.caseId}`, () => appendNote(props));
}

async function appendNote(props: AddNoteProps): Promise<AddedNote> {
  const { store, scope, author } = props;
  const updated = await store.collections.cases.findOneAndUpdate(scope, { _id: plainString(props.caseId, 'case id') }, { $inc: { lastEventSeq: 1 } }, { returnDocument: 'after' });
  if (!updated) throw notFound('case');
  const appended = await store.collections.caseEvents.insertOne({
    caseId: updated._id,
    seq: updated.lastEventSeq,
    type: 'note',
    at: props.now ?? new Date(),
    actor: { kind: 'user', id: author.id },
    data: { text: props.text, author: author.username },
  });
  if (appended.status !== 'inserted') throw new Error(`case ${updated._id}: event seq ${updated.lastEventSeq} was already taken`);
  return { case: updated, event: appended.document };
}
