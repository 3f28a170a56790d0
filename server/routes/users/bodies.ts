import type { PresentedUserAccount } from '../../presenters/presentedPeople.js';
import type { Role } from '../../store/schemas/role.js';

/*
 * The request bodies and answers of /api/users. Their own file, importing
 * only import-free type modules, because the client uses them (type-only)
 * and a client type-check cannot follow schema.ts or users.ts into the store
 * (node-only modules).
 */

/** POST /api/users. */
export interface CreateUserBody {
  username: string;
  password: string;
  role: Role;
  /** Team names (none for marketing; admins see every team whatever this holds). */
  teams?: string[];
  /** The name shown beside the username. */
  name?: string;
}

/** PATCH /api/users/:id: what may change (every property left out stays as it is). */
export interface UserChanges {
  role?: Role;
  teams?: string[];
  /** null clears the name. */
  name?: string | null;
  password?: string;
  disabled?: boolean;
}

/** GET /api/users. */
export interface UserListAnswer {
  users: PresentedUserAccount[];
}

/** POST /api/users (201). */
export interface UserAnswer {
  user: PresentedUserAccount;
}

/** PATCH /api/users/:id: an admin who changed their own password gets a fresh session, whose CSRF token comes with the user. */
export interface UpdatedUserAnswer extends UserAnswer {
  csrfToken?: string;
}
