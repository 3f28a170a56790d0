import type { Tier } from '../routing/types.js';
import type { TeamDocument } from '../store/index.js';
import type { PresentedTeam } from './presentedPeople.js';

export type { PresentedTeam } from './presentedPeople.js';

/** The one shape of a team (GET/POST/PATCH /api/teams). */
export function presentTeam(team: TeamDocument): PresentedTeam {
  return { name: team.name, displayName: team.displayName ?? null, tier: team.tier as Tier, createdAt: team.createdAt.toISOString() };
}
