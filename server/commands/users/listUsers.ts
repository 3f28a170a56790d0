import type { Store, UserDocument } from '../../store/index.js';

/** Every user, by username (a care team is tens of people, so no paging). */
export function listUsers(store: Store): Promise<UserDocument[]> {
  return store.collections.users.find({}, { sort: { username: 1 } });
}
