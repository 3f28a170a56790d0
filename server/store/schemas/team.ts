import { Schema } from 'mongoose';
import { documentOptions, idPath, withRevision, type NewDocument, type StoredDocument } from './define.js';
import { TIERS } from './enums.js';

/** A team cases are routed to (`bot`, `care`, `social`, `helpdesk`…), named as rule decisions name it. */
export const teamSchema = withRevision(
  Schema.create(
    {
      _id: idPath,
      name: { type: String, required: true, match: /^[a-z0-9][a-z0-9_-]{0,63}$/ },
      displayName: { type: String, default: null },
      tier: { type: Number, enum: TIERS, required: true },
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
