import { notFound } from '../../errors.js';
import { plainString, type Availability, type Store, type UserDocument } from '../../store/index.js';
import { assignAllQueues } from './assignQueuedCases.js';
import { handBackCases } from './handBackCases.js';

export interface SetAvailabilityProps {
  store: Store;
  userId: string;
  status: Availability;
  /** Why, for the hand-back events ("went offline", "no open tab for 5 minutes"). */
  reason?: string;
  now?: Date;
}

/** The user after the change, and the cases whose assignee moved because of it. */
export interface AvailabilityChange {
  user: UserDocument;
  changedCaseIds: string[];
}

/**
 * Sets a user's availability. Going offline hands their unanswered cases
 * back to the queues; any change then lets the queues be assigned (a newly
 * online agent takes queued cases, handed-back ones go to someone free).
 */
export async function setAvailability(props: SetAvailabilityProps): Promise<AvailabilityChange> {
  const { store, status } = props;
  const now = props.now ?? new Date();
  const user = await store.collections.users.findOneAndUpdate({ _id: plainString(props.userId, 'user id') }, { $set: { availability: status, lastSeenAt: now } }, { returnDocument: 'after' });
  if (!user) throw notFound('user');
  const handed = status === 'offline' ? await handBackCases({ store, username: user.username, reason: props.reason ?? `handed back: ${user.username} went offline`, now }) : [];
  const assigned = await assignAllQueues({ store, now });
  return { user, changedCaseIds: [...new Set([...handed, ...assigned])] };
}
