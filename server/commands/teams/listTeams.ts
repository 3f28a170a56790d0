import type { Store, TeamDocument } from '../../store/index.js';

/** Every team, by tier then name. */
export function listTeams(store: Store): Promise<TeamDocument[]> {
  return store.collections.teams.find({}, { sort: { tier: 1, name: 1 } });
}
