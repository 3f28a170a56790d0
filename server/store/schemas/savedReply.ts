import { Schema } from 'mongoose';
import { documentOptions, idPath, withRevision, type NewDocument, type StoredDocument } from './define.js';

/**
 * A canned answer agents insert in the reply box (api.md "Agent workspace"):
 * its text may hold the placeholders of savedReplyText.ts. `teams` empty:
 * every team's agents see it. `shortcut`: what agents type after '/'.
 */
export const savedReplySchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      title: { type: String, required: true, minlength: 1, maxlength: 100 },
      text: { type: String, required: true, minlength: 1, maxlength: 2000 },
      teams: { type: [{ type: String, minlength: 1 }], default: [] },
      /** Absent when none (the unique index is sparse: only replies with a shortcut take part). */
      shortcut: { type: String, match: /^[a-z0-9][a-z0-9_-]{0,31}$/ },
      createdAt: { type: Date, required: true, default: () => new Date() },
      updatedAt: { type: Date, required: true, default: () => new Date() },
    },
    documentOptions,
  ),
);

// The '/' list finds a reply by its shortcut; unique and sparse, so replies without one (the field absent) do not collide.
savedReplySchema.index({ shortcut: 1 }, { unique: true, sparse: true });
// GET /api/saved-replies for an agent: the replies of their teams (multikey), by title.
savedReplySchema.index({ teams: 1, title: 1 });

/** A stored saved reply. */
export type SavedReplyDocument = StoredDocument<typeof savedReplySchema>;
/** A saved reply to insert. */
export type NewSavedReplyDocument = NewDocument<typeof savedReplySchema>;
