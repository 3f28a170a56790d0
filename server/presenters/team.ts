import type { TeamDocument } from '../store/index.js';

/** A team as the API shows it. */
export interface PresentedTeam {
  name: string;
  displayName: string | null;
  tier: number;
  createdAt: string;
}

/** The one shape of a team (GET/POST/PATCH /api/teams). */
export function presentTeam(team: TeamDocument): PresentedTeam {
  return { name: team.name, displayName: team.displayName ?? null, tier: team.tier, createdAt: team.createdAt.toISOString() };
}
