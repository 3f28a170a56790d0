import express, { Router } from 'express';
import type { JSONSchemaType } from 'ajv';
import { addNote, type AddedNote } from '../../commands/addNote.js';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { bodyValidator, validBody } from '../../middleware/validation.js';
import { presentCaseEvent } from '../../presenters/caseEvent.js';
import { NOTE_MAX_LENGTH } from './noteLimits.js';
import { ROLES, scopeForUser, type Store } from '../../store/index.js';
import type { NoteAnswer, NoteBody } from './bodies.js';

export { NOTE_MAX_LENGTH } from './noteLimits.js';

const noteSchema: JSONSchemaType<NoteBody> = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1, maxLength: NOTE_MAX_LENGTH, pattern: '\\S' },
  },
};

const checkNoteBody = bodyValidator(noteSchema);

export interface NoteRouteDeps {
  store: Store;
  /** Told which cases changed once the note is stored (live updates: `case:upsert` with the note's seq). */
  casesChanged?: (caseIds: string[]) => Promise<void>;
  /** Told whom a stored note @mentions (live `mention:new` to each of them). */
  notesMentioned?: (note: AddedNote) => Promise<void>;
}

/**
 * POST /api/cases/:id/notes: an internal note in the case's history (agents
 * of the case's team, admins; 404 for a case outside the user's teams, which
 * includes every case for marketing). Answers 201 with the `note` event and
 * whom its @mentions reached.
 */
export function noteRoutes(deps: NoteRouteDeps): Router {
  const router = Router();

  router.post('/api/cases/:id/notes', noStore, requireRole(...ROLES), express.json({ limit: '32kb' }), async (req, res) => {
    const body = validBody(checkNoteBody, req.body);
    const user = currentUser(res)!;
    const added = await addNote({ store: deps.store, scope: scopeForUser(user), author: user, caseId: req.params.id as string, text: body.text });
    const mentions = { notified: added.mentions.notified.map((user) => user.username), unnotified: added.mentions.unnotified };
    res.status(201).json({ event: presentCaseEvent(added.event), mentions } satisfies NoteAnswer);
    deps.casesChanged?.([added.case._id]).catch((error: unknown) => logger.warn({ err: error, caseId: added.case._id }, 'announcing a note failed'));
    if (added.mentions.notified.length > 0) deps.notesMentioned?.(added).catch((error: unknown) => logger.warn({ err: error, caseId: added.case._id }, 'telling the mentioned failed'));
  });

  return router;
}
