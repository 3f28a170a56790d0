import { Schema } from 'mongoose';
import { documentOptions, idPath, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { AVAILABILITIES } from './availability.js';
import { ROLES } from './role.js';

export { ROLES, type Role } from './role.js';
export { AVAILABILITIES, type Availability } from './availability.js';

/** A person who logs in. `teams` are team names; admins see all teams whatever it holds. */
export const userSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      username: { type: String, required: true, lowercase: true, trim: true, match: /^[a-z0-9][a-z0-9_.-]{0,63}$/ },
      displayName: { type: String, default: null },
      passwordHash: { type: String, required: true, minlength: 1 },
      role: { type: String, enum: ROLES, required: true },
      teams: { type: [{ type: String, minlength: 1 }], default: [] },
      disabled: { type: Boolean, required: true, default: false },
      /** PUT /api/me/availability: only `online` agents get cases assigned automatically. */
      availability: { type: String, enum: AVAILABILITIES, required: true, default: 'offline' },
      /** The last time a live socket of theirs (on any process) or an availability change was seen; 5 minutes without one makes them offline. */
      lastSeenAt: { type: Date, default: null },
      createdAt: { type: Date, required: true, default: () => new Date() },
    },
    documentOptions,
  ),
);

// POST /api/session: find the user logging in by name; unique, so two accounts cannot share a name.
userSchema.index({ username: 1 }, { unique: true });
// The agents of a team (assignee choices, who joins a team's live room).
userSchema.index({ teams: 1 });
// The availability sweep: agents not offline whose sockets have been gone too long.
userSchema.index({ availability: 1, lastSeenAt: 1 });

/** A stored user. */
export type UserDocument = StoredDocument<typeof userSchema>;
/** A user to insert. */
export type NewUserDocument = NewDocument<typeof userSchema>;
