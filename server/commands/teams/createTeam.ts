import { conflict } from '../../errors.js';
import type { CreateTeamBody } from '../../routes/teams/bodies.js';
import type { Store, TeamDocument } from '../../store/index.js';
import { PEOPLE_LOCK } from '../users/peopleLock.js';

/** The POST /api/teams body. */
export interface CreateTeamProps extends CreateTeamBody {
  store: Store;
}

/** Adds a team rules can route to and agents can join; 409 when the name is taken. */
export function createTeam(props: CreateTeamProps): Promise<TeamDocument> {
  return props.store.exclusive(PEOPLE_LOCK, async () => {
    const inserted = await props.store.collections.teams.insertOne({ name: props.name, tier: props.tier, displayName: props.displayName ?? null });
    if (inserted.status === 'duplicate') throw conflict(`there is already a team "${props.name}"`, [{ pointer: '/name', message: 'is taken' }]);
    return inserted.document;
  });
}
