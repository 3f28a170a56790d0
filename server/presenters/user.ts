import type { SessionUser } from '../middleware/currentUser.js';

/** A user as the API shows it: {id, username, role, teams}, never the password hash. */
export interface PresentedUser {
  id: string;
  username: string;
  role: SessionUser['role'];
  teams: string[];
}

/** The one shape of a user. */
export function presentUser(user: SessionUser): PresentedUser {
  return { id: user.id, username: user.username, role: user.role, teams: [...user.teams] };
}
