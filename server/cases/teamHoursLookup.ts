import type { Store } from '../store/index.js';
import type { TeamHours } from './businessHours.js';

/** A team's business hours by team name (null: none set, all hours count). */
export type HoursOf = (team: string) => TeamHours | null;

/** Every team's business hours, read once (teams are few), for the response targets set in one pass. */
export async function loadTeamHours(store: Store): Promise<HoursOf> {
  const teams = await store.collections.teams.find({}, { fields: ['name', 'hours'] });
  const byName = new Map(teams.map((team) => [team.name, (team.hours as TeamHours | null | undefined) ?? null]));
  return (team) => byName.get(team) ?? null;
}

/** Hours for when no team has any: every hour counts. */
export const ALL_HOURS: HoursOf = () => null;
