import type { Tier } from '../routing/types.js';
import type { TeamDocument } from '../store/index.js';
import type { PresentedTeam } from './presentedPeople.js';
import type { TeamHours, Weekday } from './teamHours.js';

export type { PresentedTeam } from './presentedPeople.js';

/** The one shape of a team (GET/POST/PATCH /api/teams). */
export function presentTeam(team: TeamDocument): PresentedTeam {
  return { name: team.name, displayName: team.displayName ?? null, tier: team.tier as Tier, assignment: { mode: team.assignment?.mode ?? 'manual', capacity: team.assignment?.capacity ?? null }, hours: presentHours(team.hours), createdAt: team.createdAt.toISOString() };
}

function presentHours(hours: TeamDocument['hours']): TeamHours | null {
  if (!hours) return null;
  return { timeZone: hours.timeZone, weekly: hours.weekly.map((window) => ({ days: [...window.days] as Weekday[], from: window.from, to: window.to })), holidays: [...hours.holidays] };
}
