import type { Role } from '../api/types.js';

export const ROLES: readonly Role[] = ['agent', 'admin', 'marketing'];

/** What a role may do, said beside the role picker. */
export const ROLE_HINTS: Record<Role, string> = {
  agent: 'works the cases of their teams',
  admin: 'sees every team; manages rules, users and teams',
  marketing: 'reads public threads only; belongs to no team',
};

/** Why the team boxes are off, if they are. */
export function teamsHint(role: Role): string | undefined {
  if (role === 'marketing') return 'Marketing users belong to no team.';
  if (role === 'admin') return 'Admins see every team whatever is ticked here.';
  return undefined;
}
