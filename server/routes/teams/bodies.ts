import type { PresentedTeam } from '../../presenters/presentedPeople.js';
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

/** PATCH /api/teams/:name: only the display name; name and tier are what rules, cases and users refer to. */
export interface PatchTeamBody {
  /** Required (the schema says so); null clears it. */
  displayName?: string | null;
}

/** GET /api/teams. */
export interface TeamListAnswer {
  teams: PresentedTeam[];
}

/** POST /api/teams (201), PATCH /api/teams/:name. */
export interface TeamAnswer {
  team: PresentedTeam;
}
