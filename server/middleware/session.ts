import type { Request, RequestHandler, Response } from 'express';
import { readCookie, signValue, unsignValue } from '../auth/signedCookie.js';
import { toSessionUser } from '../auth/sessionUser.js';
import type { Session, SessionStore } from '../auth/sessions.js';
import type { SessionUser } from './currentUser.js';
import type { Store } from '../store/index.js';
// Set beside the session cookie, readable by the page: it asks GET /api/session only when there may be a session, so a logged-out first load logs no 401.
import { SIGNED_IN_COOKIE } from '../routes/session/signedInCookie.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'care_session';

export interface SessionDeps {
  store: Store;
  sessions: SessionStore;
  /** SESSION_SECRET: signs the cookie. */
  secret: string;
}

/**
 * Reads the signed session cookie and, for a live session of an enabled user,
 * sets res.locals.user (SessionUser) and res.locals.session. The user is read
 * from the store on every request, so a changed role or team, or a disabled
 * account, takes effect at once.
 */
export function loadSession(deps: SessionDeps): RequestHandler {
  return async (req, res, next) => {
    const found = await sessionFromCookie(req.headers.cookie, deps);
    if (found) {
      res.locals.user = found.user;
      res.locals.session = found.session;
    }
    next();
  };
}

/** The live session and enabled user a Cookie header carries (HTTP requests and socket handshakes alike), or undefined. */
export async function sessionFromCookie(cookieHeader: string | undefined, deps: SessionDeps): Promise<{ session: Session; user: SessionUser } | undefined> {
  const signed = readCookie(cookieHeader, SESSION_COOKIE);
  const id = signed === undefined ? undefined : unsignValue(signed, deps.secret);
  return id === undefined ? undefined : sessionById(id, deps);
}

/** The live session with this id and its enabled user, or undefined (an ended session, a gone or disabled user). */
export async function sessionById(id: string, deps: Omit<SessionDeps, 'secret'>): Promise<{ session: Session; user: SessionUser } | undefined> {
  const session = await deps.sessions.get(id);
  if (!session) return undefined;
  const user = await deps.store.collections.users.findOne({ _id: session.userId });
  if (!user || user.disabled) {
    await deps.sessions.destroy(session.id);
    return undefined;
  }
  return { session, user: toSessionUser(user) };
}

/** The request's session (cookie-authenticated), or undefined. */
export function currentSession(res: Response): Session | undefined {
  return res.locals.session as Session | undefined;
}

/** The app setting (true behind a TLS-terminating proxy, TRUST_PROXY) that makes session cookies Secure on every request. */
export const SECURE_COOKIES = 'secure session cookies';

/** Sends the session cookie: httpOnly, SameSite=Lax, signed; Secure when the request came over TLS or the app is behind a TLS proxy. */
export function setSessionCookie(req: Request, res: Response, session: Session, secret: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, signValue(session.id, secret), { httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/', maxAge: maxAgeMs });
  res.cookie(SIGNED_IN_COOKIE, '1', { httpOnly: false, sameSite: 'lax', secure: isSecure(req), path: '/', maxAge: maxAgeMs });
}

/** Tells the browser to drop the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: isSecure(req), path: '/' });
  clearSignedInCookie(req, res);
}

/** Drops the signed-in hint (a session that ended on the server, e.g. timed out, while the browser kept the hint). */
export function clearSignedInCookie(req: Request, res: Response): void {
  if (readCookie(req.headers.cookie, SIGNED_IN_COOKIE) !== undefined) res.clearCookie(SIGNED_IN_COOKIE, { sameSite: 'lax', secure: isSecure(req), path: '/' });
}

function isSecure(req: Request): boolean {
  return req.secure || req.app.get(SECURE_COOKIES) === true;
}
