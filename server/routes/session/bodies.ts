import type { PresentedUser } from '../../presenters/presentedPeople.js';

/*
 * The request body and answer of /api/session. Their own file, importing
 * only import-free type modules, because the client uses them (type-only)
 * and a client type-check cannot follow schema.ts or session.ts into the
 * store (node-only modules).
 */

/** POST /api/session. */
export interface LoginBody {
  username: string;
  password: string;
}

/** POST and GET /api/session: who is logged in, and the token cookie-authenticated writes must send. */
export interface SessionAnswer {
  user: PresentedUser;
  csrfToken: string;
}
