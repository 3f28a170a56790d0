import { notFound } from '../errors.js';
import { resolveMentions, type NoteMentions } from '../notes/noteMentions.js';
import { changeCase } from './changeCase.js';
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

/** The case as it is after the note (only its `lastEventSeq` moved), the `note` event, and whom its @mentions reach. */
export interface AddedNote {
  case: CaseDocument;
  event: CaseEventDocument;
  mentions: NoteMentions;
}

/**
 * Appends an internal note to a case's history: a `note` event with the
 * author, taking the case's next event seq. A note is for colleagues only: it
 * is never sent to the customer, and it changes no field of the case (not its
 * `version`, so a colleague's PATCH in progress does not turn stale, nor its
 * activity time). The colleagues it @mentions who may see the case are kept
 * in the event (`data.mentions`) for the caller to tell.
 */
export function addNote(props: AddNoteProps): Promise<AddedNote> {
  return props.store.exclusive(`case:${props.caseId}`, () => appendNote(props));
}

async function appendNote(props: AddNoteProps): Promise<AddedNote> {
  const { store, scope, author } = props;
  const caseId = plainString(props.caseId, 'case id');
  const current = await store.collections.cases.findOne(scope, { _id: caseId });
  if (!current) throw notFound('case');
  const mentions = await resolveMentions({ store, text: props.text, caseDoc: current, authorId: author.id });
  const mentioned = mentions.notified.map((user) => user.username);
  const data = { text: props.text, author: author.username, ...(mentioned.length > 0 ? { mentions: mentioned } : {}) };
  const noted = await changeCase({
    store,
    scope,
    caseId,
    now: props.now ?? new Date(),
    plan: () => ({ set: {}, keepVersion: true, events: [{ type: 'note', actor: { kind: 'user', id: author.id }, data }] }),
  });
  if (!noted) throw notFound('case');
  return { case: noted.case, event: noted.events[0]!, mentions };
}
