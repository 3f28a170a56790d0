import { unprocessable } from '../../errors.js';
import type { Role, Store } from '../../store/index.js';

/** One problem with a user's teams, at the JSON Pointer of the request field. */
export interface MembershipProblem {
  pointer: string;
  message: string;
}

/**
 * Checks a user's resulting role and teams: marketing belongs to no team
 * (it sees public threads only), and every team named must exist. Throws
 * 422 with a pointer per problem (`/teams/1`).
 */
export async function checkMembership(store: Store, role: Role, teams: readonly string[]): Promise<void> {
  const problems: MembershipProblem[] = [];
  if (role === 'marketing' && teams.length > 0) problems.push({ pointer: '/teams', message: 'marketing users belong to no team: leave the teams empty' });
  const known = new Set((await store.collections.teams.find({ name: { $in: [...teams] } }, { fields: ['name'] })).map((team) => team.name));
  teams.forEach((team, index) => {
    if (!known.has(team)) problems.push({ pointer: `/teams/${index}`, message: `there is no team "${team}"` });
  });
  if (problems.length > 0) throw unprocessable('the teams do not fit the user', problems);
}
