import { request } from './http.js';
import type { CaseEvent } from './types.js';

/** The longest internal note the server takes (characters): the notes route's own limit, imported as a value (its file imports nothing). */
export { NOTE_MAX_LENGTH } from '../../../server/routes/cases/noteLimits.js';

/** Adds an internal note to a case's history (for colleagues only, never sent to the customer): the `note` event. */
export function addNote(id: string, text: string): Promise<{ event: CaseEvent }> {
  return request(`/api/cases/${encodeURIComponent(id)}/notes`, { method: 'POST', body: { text } });
}
