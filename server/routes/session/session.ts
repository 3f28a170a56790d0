import express, { Router } from 'express';
import { authenticate, normalizeUsername } from '../../auth/authenticate.js';
import type { LoginLimits } from '../../auth/loginThrottle.js';
import { toSessionUser } from '../../auth/sessionUser.js';
import type { SessionLifetimes, SessionStore } from '../../auth/sessions.js';
import { tooManyRequests, unauthorized } from '../../errors.js';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { clearSessionCookie, clearSignedInCookie, currentSession, setSessionCookie } from '../../middleware/session.js';
import { validBody } from '../../middleware/validation.js';
import { presentUser } from '../../presenters/user.js';
import { ROLES, type Store } from '../../store/index.js';
import type { SessionAnswer } from './bodies.js';
import { checkLoginBody } from './schema.js';

export interface SessionRouteDeps {
  store: Store;
  sessions: SessionStore;
  lifetimes: SessionLifetimes;
  throttle: LoginLimits;
  secret: string;
  /** Closes the live sockets of a session that ended (log-out, or a new log-in over it). */
  sessionEnded?: (sessionId: string) => Promise<void>;
}

// One message for an unknown name and a wrong password, so answers do not tell which names exist.
const WRONG_CREDENTIALS = 'wrong username or password';

/** POST /api/session (log in), GET /api/session (who am I), DELETE /api/session (log out). */
export function sessionRoutes(deps: SessionRouteDeps): Router {
  const router = Router();
  const loggedIn = requireRole(...ROLES);
  // The session is gone first (a socket's reconnect or recovery then fails its check), then its sockets are closed.
  const endSession = async (sessionId: string) => {
    await deps.sessions.destroy(sessionId);
    await deps.sessionEnded?.(sessionId).catch((error: unknown) => logger.error({ err: error }, 'closing the sockets of an ended session failed'));
  };

  router.post('/api/session', noStore, express.json({ limit: '16kb' }), async (req, res) => {
    const body = validBody(checkLoginBody, req.body);
    const username = normalizeUsername(body.username);
    const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const waitMs = await deps.throttle.retryAfterMs(username, address);
    if (waitMs > 0) {
      res.set('Retry-After', String(Math.ceil(waitMs / 1000)));
      throw tooManyRequests('too many failed logins: try again later');
    }
    const user = await authenticate(deps.store, username, body.password);
    if (!user) {
      await deps.throttle.fail(username, address);
      throw unauthorized(WRONG_CREDENTIALS);
    }
    await deps.throttle.succeed(username, address);
    // A new session id at every login, so a planted cookie never becomes a logged-in one.
    const previous = currentSession(res);
    if (previous) await endSession(previous.id);
    const session = await deps.sessions.create(user._id);
    setSessionCookie(req, res, session, deps.secret, deps.lifetimes.absoluteMs);
    res.json({ user: presentUser(toSessionUser(user)), csrfToken: session.csrfToken } satisfies SessionAnswer);
  });

  // Logged out: 401 (api.md), dropping a stale signed-in hint so the page stops asking.
  router.get('/api/session', noStore, (req, res) => {
    if (!currentUser(res)) {
      clearSignedInCookie(req, res);
      throw unauthorized();
    }
    res.json({ user: presentUser(currentUser(res)!), csrfToken: currentSession(res)!.csrfToken } satisfies SessionAnswer);
  });

  router.delete('/api/session', noStore, loggedIn, async (req, res) => {
    await endSession(currentSession(res)!.id);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  return router;
}
