import { request } from './http.js';
// Type-only: the body and answer are the notes route's own (an import-free file).
import type { NoteAnswer, NoteBody } from '../../../server/routes/cases/bodies.js';

/** The longest internal note the server takes (characters): the notes route's own limit, imported as a value (its file imports nothing). */
export { NOTE_MAX_LENGTH } from '../../../server/routes/cases/noteLimits.js';

/** Adds an internal note to a case's history (for colleagues only, never sent to the customer): the `note` event. */
export function addNote(id: string, text: string): Promise<NoteAnswer> {
  return request(`/api/cases/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { text } satisfies NoteBody });
}
