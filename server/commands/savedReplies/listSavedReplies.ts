import type { SessionUser } from '../../middleware/currentUser.js';
import type { SavedReplyDocument, Store } from '../../store/index.js';

/** The saved replies a user may use, by title: an admin's all, an agent's those for every team or one of theirs. */
export async function listSavedReplies(store: Store, user: SessionUser): Promise<SavedReplyDocument[]> {
  const filter = user.role === 'admin' ? {} : { $or: [{ teams: { $size: 0 } }, { teams: { $in: [...user.teams] } }] };
  return store.collections.savedReplies.find(filter, { sort: { title: 1 } });
}
