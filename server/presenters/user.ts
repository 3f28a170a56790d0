import type { SessionUser } from '../middleware/currentUser.js';
import type { UserDocument } from '../store/index.js';
import { toSessionUser } from '../auth/sessionUser.js';

/** A user as the API shows it: {id, username, role, teams}, never the password hash. */
export interface PresentedUser {
  id: string;
  username: string;
  role: SessionUser['role'];
  teams: string[];
}

/** A user as admins manage it (GET/POST/PATCH /api/users): the same shape plus name, whether disabled, and since when. */
export interface PresentedUserAccount extends PresentedUser {
  name: string | null;
  disabled: boolean;
  createdAt: string;
}

/** The one shape of a user. */
export function presentUser(user: SessionUser): PresentedUser {
  return { id: user.id, username: user.username, role: user.role, teams: [...user.teams] };
}

/** A stored user for the admin's People screen (still never the password hash). */
export function presentUserAccount(user: UserDocument): PresentedUserAccount {
  return { ...presentUser(toSessionUser(user)), name: user.displayName ?? null, disabled: user.disabled, createdAt: user.createdAt.toISOString() };
}
