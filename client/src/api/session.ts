import { ApiError, request, setCsrfToken } from './http.js';
import type { Session } from './types.js';
// Type-only: the login body is the server route's own (an import-free file).
import type { LoginBody } from '../../../server/routes/session/bodies.js';
import { SIGNED_IN_COOKIE } from '../../../server/routes/session/signedInCookie.js';

/** Logs in; the server sets the session cookie. A wrong name or password throws ApiError 401. */
export async function logIn(username: string, password: string): Promise<Session> {
  const session = await request<Session>('/api/session', { method: 'POST', body: { username, password } satisfies LoginBody });
  setCsrfToken(session.csrfToken);
  return session;
}

/**
 * Who is logged in, or null when nobody is. Asks GET /api/session only when
 * the signed-in cookie says a session was set: logged out, the page makes no
 * request the browser would log as a failed 401. A session that ended on the
 * server still answers 401, which drops that cookie.
 */
export async function currentSession(): Promise<Session | null> {
  if (!document.cookie.split('; ').some((cookie) => cookie.startsWith(`${SIGNED_IN_COOKIE}=`))) return null;
  try {
    const session = await request<Session>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** Logs out and forgets the CSRF token. */
export async function logOut(): Promise<void> {
  try {
    await request<void>('/api/session', { method: 'DELETE' });
  } finally {
    setCsrfToken(null);
  }
}
