import type { TeamHours } from '../../presenters/teamHours.js';
import type { PresentedTeam } from '../../presenters/presentedPeople.js';
import type { TeamAssignment } from '../../presenters/presentedPeople.js';
import type { Tier } from '../../routing/types.js';

/*
 * The request bodies and answers of /api/teams. Their own file, importing
 * only import-free type modules, because the client uses them (type-only)
 * and a client type-check cannot follow schema.ts or teams.ts into the store
 * (node-only modules).
 */

/** POST /api/teams. */
export interface CreateTeamBody {
  /** The name rule decisions and cases use (`care`, `helpdesk`…); it never changes. */
  name: string;
  tier: Tier;
  displayName?: string;
}

/** PATCH /api/teams/:name: the display name and how cases are assigned; name and tier are what rules, cases and users refer to. At least one field. */
export interface PatchTeamBody {
  /** Null clears it. */
  displayName?: string | null;
  assignment?: TeamAssignment;
  /** Business hours; null: every hour counts. */
  hours?: TeamHoursBody | null;
}

/** `hours` as sent: `holidays` may be left out (none). */
export type TeamHoursBody = Omit<TeamHours, 'holidays'> & { holidays?: string[] };

/** GET /api/teams. */
export interface TeamListAnswer {
  teams: PresentedTeam[];
}

/** POST /api/teams (201), PATCH /api/teams/:name. */
export interface TeamAnswer {
  team: PresentedTeam;
}
