import type { TeamHours } from './teamHours.js';
import type { AssignmentMode } from '../store/schemas/assignmentMode.js';
import type { Role } from '../store/schemas/role.js';
import type { Tier } from '../routing/types.js';

/*
 * Users and teams as the API shows them. Their own file, importing only
 * import-free type modules, because the client uses them (type-only) and a
 * client type-check cannot follow user.ts or team.ts into the store
 * (node-only modules).
 */

/** A user as the API shows it: {id, username, role, teams}, never the password hash. */
export interface PresentedUser {
  id: string;
  username: string;
  role: Role;
  teams: string[];
}

/** A user as admins manage it (GET/POST/PATCH /api/users): the same shape plus name, whether disabled, and since when. */
export interface PresentedUserAccount extends PresentedUser {
  name: string | null;
  disabled: boolean;
  createdAt: string;
}

/** A team as the API shows it (GET/POST/PATCH /api/teams). */
export interface PresentedTeam {
  name: string;
  displayName: string | null;
  tier: Tier;
  /** How new and escalated cases find an agent. */
  assignment: TeamAssignment;
  /** When its response targets count (null: every hour). */
  hours: TeamHours | null;
  createdAt: string;
}

/** A team's assignment mode and the most open cases an agent is given automatically (null: no limit). */
export interface TeamAssignment {
  mode: AssignmentMode;
  capacity?: number | null;
}
