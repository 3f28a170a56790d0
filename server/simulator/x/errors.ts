/** X API v2 error bodies (RFC 7807 problems) exactly as X sends them, and a helper to send one. */
import type { Response } from 'express';

/** One entry of an invalid-request problem's `errors` list. */
export interface InvalidParameter {
  parameters?: Record<string, string[]>;
  message: string;
}

/** An X problem body. */
export interface XProblem {
  title: string;
  type: string;
  status?: number;
  detail?: string;
  errors?: InvalidParameter[];
}

const PROBLEMS = 'https://api.twitter.com/2/problems';

/** 401 for a missing or bad Authorization header. */
export const unauthorized = (): XProblem => ({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });

/** 429 when the endpoint's window is used up. */
export const tooManyRequests = (): XProblem => ({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });

/** 5xx for scripted server faults. */
export function serverError(status: number): XProblem {
  const titles: Record<number, string> = {
    500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  };
  const title = titles[status] ?? 'Service Unavailable';
  return { title, detail: title, type: 'about:blank', status };
}

/** 400 listing each invalid parameter, as X answers bad queries and bodies. */
export function invalidRequest(errors: InvalidParameter[]): XProblem {
  return { errors, title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: `${PROBLEMS}/invalid-request` };
}

/** 403 with a plain explanation (duplicate post, reply to a missing post, …). */
export function forbidden(detail: string): XProblem {
  return { detail, type: 'about:blank', title: 'Forbidden', status: 403 };
}

/** 403 for app-only authentication on a user-context endpoint. */
export function unsupportedAuthentication(): XProblem {
  return {
    title: 'Unsupported Authentication',
    detail: 'Authenticating with OAuth 2.0 Application-Only is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context, OAuth 2.0 User Context].',
    type: `${PROBLEMS}/unsupported-authentication`,
    status: 403,
  };
}

/** 404 for a path the simulator does not serve. */
export function notFound(path: string): XProblem {
  return { title: 'Not Found Error', detail: `Sorry, that page does not exist: ${path}`, type: 'about:blank', status: 404 };
}

/** Sends a problem with the status it names (400 when it names none). */
export function sendProblem(res: Response, problem: XProblem, status = problem.status ?? 400): void {
  res.status(status).type('application/problem+json').send(JSON.stringify(problem));
}
