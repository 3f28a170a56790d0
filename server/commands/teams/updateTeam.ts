import type { TeamHours } from '../../presenters/teamHours.js';
import { notFound } from '../../errors.js';
import { plainString, type Store, type TeamDocument } from '../../store/index.js';
import type { TeamAssignment } from '../../presenters/presentedPeople.js';
import { PEOPLE_LOCK } from '../users/peopleLock.js';

export interface UpdateTeamProps {
  store: Store;
  name: string;
  /** The name people read (null clears it; absent: unchanged). The team's `name` and tier are fixed: rules, cases and users refer to them. */
  displayName?: string | null;
  /** How new and escalated cases find an agent (absent: unchanged). */
  assignment?: TeamAssignment;
  /** Business hours, checked (null: every hour; absent: unchanged). */
  hours?: TeamHours | null;
}

/** Renames a team for people (its display name), changes its assignment mode and capacity, or its business hours; 404 for an unknown team. */
export function updateTeam(props: UpdateTeamProps): Promise<TeamDocument> {
  return props.store.exclusive(PEOPLE_LOCK, async () => {
    const updated = await props.store.collections.teams.findOneAndUpdate({ name: plainString(props.name, 'team') }, { $set: changedFields(props) }, { returnDocument: 'after' });
    if (!updated) throw notFound(`team "${props.name}"`);
    return updated;
  });
}

function changedFields(props: UpdateTeamProps): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  if (props.displayName !== undefined) set.displayName = props.displayName;
  if (props.hours !== undefined) set.hours = props.hours;
  if (props.assignment) set.assignment = { mode: props.assignment.mode, capacity: props.assignment.capacity ?? null };
  return set;
}
