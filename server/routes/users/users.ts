import express, { Router, type Request, type Response } from 'express';
import type { Auth } from '../../auth/authOptions.js';
import { createUser } from '../../commands/users/createUser.js';
import { listUsers } from '../../commands/users/listUsers.js';
import { updateUser, type UpdateUserResult } from '../../commands/users/updateUser.js';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { setSessionCookie } from '../../middleware/session.js';
import { validBody } from '../../middleware/validation.js';
import { presentUserAccount } from '../../presenters/user.js';
import type { UpdatedUserAnswer, UserAnswer, UserListAnswer } from './bodies.js';
import { checkCreateUserBody, checkPatchUserBody } from './schema.js';

export interface UserRouteDeps {
  /** The store, and the sessions a password change or a disabled account ends. */
  auth: Auth;
  /** Drops the users' live sockets, whose rooms no longer fit them (after the change is stored). */
  usersChanged?: (userIds: string[]) => Promise<void>;
}

/** GET /api/users, POST /api/users, PATCH /api/users/:id: admins manage who logs in, with which role and teams. */
export function userRoutes(deps: UserRouteDeps): Router {
  const router = Router();
  const { auth } = deps;
  const json = express.json({ limit: '16kb' });
  router.use('/api/users', noStore, requireRole('admin'));

  router.get('/api/users', async (_req, res) => {
    res.json({ users: (await listUsers(auth.store)).map(presentUserAccount) } satisfies UserListAnswer);
  });

  router.post('/api/users', json, async (req, res) => {
    const body = validBody(checkCreateUserBody, req.body);
    const user = await createUser({ ...body, store: auth.store, teams: body.teams ?? [] });
    res.status(201).json({ user: presentUserAccount(user) } satisfies UserAnswer);
  });

  router.patch('/api/users/:id', json, async (req, res) => {
    const changes = validBody(checkPatchUserBody, req.body);
    const result = await updateUser({ store: auth.store, userId: req.params.id as string, changes });
    const csrfToken = await endStaleSessions(req, res, auth, result);
    res.json({ user: presentUserAccount(result.user), ...(csrfToken ? { csrfToken } : {}) } satisfies UpdatedUserAnswer);
    if ((result.rightsChanged || result.passwordChanged) && deps.usersChanged) {
      deps.usersChanged([result.user._id]).catch((error: unknown) => logger.warn({ err: error, userId: result.user._id }, 'dropping a changed user\'s sockets failed'));
    }
  });

  return router;
}

/**
 * Role and team changes need no session work (every request reads the user
 * again). A new password or a disabled account ends the user's sessions; an
 * admin who changed their own password gets a fresh session (its CSRF token
 * is returned) instead of being logged out.
 */
async function endStaleSessions(req: Request, res: Response, auth: Auth, result: UpdateUserResult): Promise<string | undefined> {
  if (!result.passwordChanged && !result.user.disabled) return undefined;
  await auth.sessions.destroyForUser(result.user._id);
  if (result.user.disabled || currentUser(res)?.id !== result.user._id) return undefined;
  const session = await auth.sessions.create(result.user._id);
  setSessionCookie(req, res, session, auth.secret, auth.lifetimes.absoluteMs);
  return session.csrfToken;
}
