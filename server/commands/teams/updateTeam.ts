import { notFound } from '../../errors.js';
import { plainString, type Store, type TeamDocument } from '../../store/index.js';
import { PEOPLE_LOCK } from '../users/peopleLock.js';

export interface UpdateTeamProps {
  store: Store;
  name: string;
  /** The name people read (null clears it). The team's `name` and tier are fixed: rules, cases and users refer to them. */
  displayName: string | null;
}

/** Renames a team for people (its display name); 404 for an unknown team. */
export function updateTeam(props: UpdateTeamProps): Promise<TeamDocument> {
  return props.store.exclusive(PEOPLE_LOCK, async () => {
    const updated = await props.store.collections.teams.findOneAndUpdate({ name: plainString(props.name, 'team') }, { $set: { displayName: props.displayName } }, { returnDocument: 'after' });
    if (!updated) throw notFound(`team "${props.name}"`);
    return updated;
  });
}
