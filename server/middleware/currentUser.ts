import type { RequestHandler, Response } from 'express';
import { forbidden, unauthorized } from '../errors.js';
import type { Role } from '../store/index.js';

/** The logged-in user as routes see it (set on res.locals.user by the session middleware). */
export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  teams: string[];
}

/** The logged-in user, or undefined. */
export function currentUser(res: Response): SessionUser | undefined {
  return res.locals.user as SessionUser | undefined;
}

/** Lets the request through only for a logged-in user with one of the roles (401 when logged out, 403 otherwise). */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = currentUser(res);
    if (!user) return next(unauthorized());
    if (!roles.includes(user.role)) return next(forbidden(`${user.role}s may not do this`));
    next();
  };
}
