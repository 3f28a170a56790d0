import { Schema } from 'mongoose';
import { ASSIGNMENT_MODES } from './assignmentMode.js';
import { documentOptions, idPath, subdocument, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { TIERS } from './enums.js';

const teamAssignment = subdocument({
  mode: { type: String, enum: ASSIGNMENT_MODES, required: true, default: 'manual' },
  /** The most open cases (new, open, pending) an agent of the team is given automatically; null: no limit. */
  capacity: { type: Number, min: 1, default: null },
});

const weeklyWindow = subdocument({
  days: { type: [{ type: String, enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }], required: true },
  /** Local `HH:MM`. */
  from: { type: String, required: true },
  /** Local `HH:MM`, after `from` (`24:00`: midnight). */
  to: { type: String, required: true },
});

const teamHours = subdocument({
  /** IANA time zone the windows and holidays are read in. */
  timeZone: { type: String, required: true },
  weekly: { type: [weeklyWindow], default: [] },
  /** Local dates (YYYY-MM-DD) closed all day. */
  holidays: { type: [{ type: String }], default: [] },
});

/** A team cases are routed to (`bot`, `care`, `social`, `helpdesk`…), named as rule decisions name it. */
export const teamSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      name: { type: String, required: true, match: /^[a-z0-9][a-z0-9_-]{0,63}$/ },
      displayName: { type: String, default: null },
      tier: { type: Number, enum: TIERS, required: true },
      assignment: { type: teamAssignment, required: true, default: () => ({ mode: 'manual', capacity: null }) },
      /** When response targets count (null: every hour). */
      hours: { type: teamHours, default: null },
      /** Round-robin: the username given the team's last case, so the next goes to whoever follows. */
      lastAssignee: { type: String, default: null },
      /** Held while one process assigns the team's queue (a lock kept in the database, so it holds across processes); null or past: free. */
      assigningUntil: { type: Date, default: null },
      createdAt: { type: Date, required: true, default: () => new Date() },
    },
    documentOptions,
  ),
);

// A rule decision's `team` to its team; unique, so a name means one team.
teamSchema.index({ name: 1 }, { unique: true });

/** A stored team. */
export type TeamDocument = StoredDocument<typeof teamSchema>;
/** A team to insert. */
export type NewTeamDocument = NewDocument<typeof teamSchema>;
