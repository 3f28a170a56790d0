import { Schema } from 'mongoose';
import { documentOptions, withRevision, type NewDocument, type StoredDocument } from './define.js';

/**
 * A logged-in browser (server/auth/sessions.ts). `_id` is the SHA-256 of the
 * session id the cookie carries, never the id itself: a leaked copy of the
 * database hands out no live session.
 */
export const sessionSchema = withRevision(
  Schema.create(
    {
      _id: { type: String, required: true, minlength: 1 },
      userId: { type: String, required: true, minlength: 1 },
      csrfToken: { type: String, required: true, minlength: 1 },
      createdAt: { type: Date, required: true },
      /** The last request seen, written at most once a minute (so idle expiry is to about a minute). */
      lastSeenAt: { type: Date, required: true },
      /** min(createdAt + absolute lifetime, lastSeenAt + idle lifetime). */
      expiresAt: { type: Date, required: true },
    },
    documentOptions,
  ),
);

// SessionStore.destroyForUser: every session of a user whose password changed or who was disabled.
sessionSchema.index({ userId: 1 });
// SessionStore sweep `{ expiresAt: { $lte: now } }` at each login. Not a TTL index: FerretDB (v1) has none, and the
// sweep plus the expiry check on every read already keep expired sessions out on every backend (docs/mongodb.md).
sessionSchema.index({ expiresAt: 1 });

/** A stored session. */
export type SessionDocument = StoredDocument<typeof sessionSchema>;
/** A session to insert. */
export type NewSessionDocument = NewDocument<typeof sessionSchema>;
