import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ApiError } from '../errors.js';
import { currentSession } from './session.js';

/** The header a cookie-authenticated write must carry, holding the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Logging in has no session yet; ingestion authenticates by bearer token, not by the cookie.
const EXEMPT = new Set(['POST /api/session', 'POST /api/messages']);

/** 403 with code `csrf`: a write with the session cookie but without its token. */
export const csrfRejected = () => new ApiError(403, 'csrf', `send the ${CSRF_HEADER} header that GET /api/session returns`);

/**
 * Refuses cookie-authenticated writes (POST, PUT, PATCH, DELETE…) whose
 * x-csrf-token header is not the session's token. Requests without a live
 * session pass: they are not authenticated by the cookie, and the route's own
 * check answers 401.
 */
export const requireCsrfToken: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method)) return next();
  const session = currentSession(res);
  if (!session || EXEMPT.has(`${req.method} ${routePath(req)}`)) return next();
  const given = Buffer.from(req.get(CSRF_HEADER) ?? '');
  const expected = Buffer.from(session.csrfToken);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next(csrfRejected());
  next();
};

/** The path as express routes match it: case-insensitive, a trailing slash allowed. */
function routePath(req: Request): string {
  const path = req.path.toLowerCase();
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}
