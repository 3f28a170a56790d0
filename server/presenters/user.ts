import type { SessionUser } from '../middleware/currentUser.js';
import type { UserDocument } from '../store/index.js';
import { toSessionUser } from '../auth/sessionUser.js';
import type { PresentedUser, PresentedUserAccount } from './presentedPeople.js';

export type { PresentedUser, PresentedUserAccount } from './presentedPeople.js';

/** The one shape of a user. */
export function presentUser(user: SessionUser): PresentedUser {
  return { id: user.id, username: user.username, role: user.role, teams: [...user.teams] };
}

/** A stored user for the admin's People screen (still never the password hash). */
export function presentUserAccount(user: UserDocument): PresentedUserAccount {
  return { ...presentUser(toSessionUser(user)), name: user.displayName ?? null, disabled: user.disabled, createdAt: user.createdAt.toISOString() };
}
