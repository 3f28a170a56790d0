import type { SessionUser } from '../middleware/currentUser.js';
import type { UserDocument } from '../store/index.js';

/** The logged-in user as routes see it, from its stored document. */
export function toSessionUser(user: Pick<UserDocument, '_id' | 'username' | 'role' | 'teams'>): SessionUser {
  return { id: user._id, username: user.username, role: user.role, teams: [...user.teams] };
}
