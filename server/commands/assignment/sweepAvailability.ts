import { plainString, type Store, type UserDocument } from '../../store/index.js';
import { assignAllQueues } from './assignQueuedCases.js';
import { setAvailability } from './setAvailability.js';

/** How long an agent may be without any open tab before they are made offline. */
export const OFFLINE_AFTER_MS = 5 * 60_000;

/**
 * One availability sweep: the users with a live socket on this process are
 * seen now; agents not offline and not seen for OFFLINE_AFTER_MS (on any
 * process) go offline and hand their cases back; then every queue is
 * assigned (a case a lock holder missed, a capacity freed elsewhere). The
 * ids of the cases whose assignee moved.
 */
export async function sweepAvailability(props: { store: Store; connectedUserIds: readonly string[]; now?: Date }): Promise<string[]> {
  const { store } = props;
  const now = props.now ?? new Date();
  const connected = [...new Set(props.connectedUserIds)].map((id) => plainString(id, 'user id'));
  if (connected.length > 0) await store.collections.users.updateEach(connected.map((_id) => ({ _id, update: { $set: { lastSeenAt: now } } })));
  const stale = new Date(now.getTime() - OFFLINE_AFTER_MS);
  const gone = (await store.collections.users.find({ availability: { $in: ['online', 'away'] }, $or: [{ lastSeenAt: null }, { lastSeenAt: { $lte: stale } }] }, { sort: { _id: 1 } })) as UserDocument[];
  const changed: string[] = [];
  for (const user of gone) {
    const result = await setAvailability({ store, userId: user._id, status: 'offline', reason: `handed back: ${user.username} had no open tab for 5 minutes`, now });
    changed.push(...result.changedCaseIds);
  }
  if (gone.length === 0) changed.push(...(await assignAllQueues({ store, now })));
  return [...new Set(changed)];
}
