import type { Filter } from './port.js';
import type { Role } from './schemas/user.js';

declare const teamScopeBrand: unique symbol;

/**
 * Which teams' cases a query may touch. Every read and write of
 * CaseCollection takes one, and only the constructors below make one, so a
 * case query that forgets the user's teams does not compile.
 */
export interface TeamScope {
  readonly [teamScopeBrand]: true;
  /** 'all', or the team names the holder may see (possibly none). */
  readonly teams: 'all' | readonly string[];
}

/** The scope of admins and of the system itself (routing, SLA timers): every team. */
export function allTeamsScope(): TeamScope {
  return Object.freeze({ teams: 'all' }) as unknown as TeamScope;
}

/** The scope of a user who may see the given teams' cases. */
export function teamsScope(teams: readonly string[]): TeamScope {
  return Object.freeze({ teams: Object.freeze([...new Set(teams)]) }) as unknown as TeamScope;
}

/** The scope of a logged-in user: admins see all teams, agents their teams, everyone else none. */
export function scopeForUser(user: { role: Role; teams: readonly string[] }): TeamScope {
  if (user.role === 'admin') return allTeamsScope();
  return teamsScope(user.role === 'agent' ? user.teams : []);
}

/** Whether the scope covers a team. */
export function scopeCovers(scope: TeamScope, team: string): boolean {
  return scope.teams === 'all' || scope.teams.includes(team);
}

/** The filter narrowed to the scope's teams (on the `team` field); the caller's own `team` condition is kept alongside. */
export function scopedFilter(scope: TeamScope, filter: Filter): Filter {
  if (scope.teams === 'all') return filter;
  const teamCondition = { team: { $in: [...scope.teams] } };
  if (!('team' in filter)) return { ...filter, ...teamCondition };
  return { $and: [teamCondition, filter] };
}
