/** X API v2 error bodies (RFC 7807 problems) exactly as X sends them, and a helper to send one. */
import type { Response } from 'express';
import type { AccountProblem } from './faults.js';

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
  /** client-forbidden's reason. */
  reason?: string;
  registration_url?: string;
  /** usage-capped's period (Daily, Monthly) and scope (Account, Product). */
  period?: string;
  scope?: string;
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

/** X's answers to account problems, with the bodies (title, detail, type, reason, period, scope) its documentation and OpenAPI give. */
export function accountProblem(problem: AccountProblem): XProblem & { status: number } {
  switch (problem) {
    case 'unauthorized':
      return { ...unauthorized(), status: 401 };
    case 'creditsDepleted':
      return { title: 'CreditsDepleted', detail: 'Your enrolled account [1000000000000000001] does not have any credits to fulfill this request.', type: `${PROBLEMS}/credits`, status: 402 };
    case 'clientNotEnrolled':
      return {
        title: 'Client Forbidden',
        detail: 'When authenticating requests to the Twitter API v2 endpoints, you must use keys and tokens from a Twitter developer App that is attached to a Project. You can create a project via the developer portal.',
        type: `${PROBLEMS}/client-forbidden`, reason: 'client-not-enrolled', registration_url: 'https://developer.twitter.com/en/docs/projects/overview', status: 403,
      };
    case 'oauth1Permissions':
      return { title: 'Forbidden', detail: 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.', type: `${PROBLEMS}/oauth1-permissions`, status: 403 };
    case 'usageCappedDaily':
    case 'usageCappedMonthly':
      return { title: 'UsageCapExceeded', detail: 'Usage cap exceeded: Daily project cap'.replace('Daily', problem === 'usageCappedDaily' ? 'Daily' : 'Monthly'), type: `${PROBLEMS}/usage-capped`, period: problem === 'usageCappedDaily' ? 'Daily' : 'Monthly', scope: 'Product', status: 429 };
  }
}

/** A 200 whose body holds only `errors` (X does this when, e.g., the requested account is suspended). */
export function errorsWithoutData(): { errors: Array<Record<string, string>> } {
  return { errors: [{ value: '1000000000000000001', detail: 'User has been suspended: [1000000000000000001].', title: 'Forbidden', resource_type: 'user', parameter: 'id', resource_id: '1000000000000000001', type: `${PROBLEMS}/resource-not-found` }] };
}

/** 404 for a path the simulator does not serve. */
export function notFound(path: string): XProblem {
  return { title: 'Not Found Error', detail: `Sorry, that page does not exist: ${path}`, type: 'about:blank', status: 404 };
}

/** Sends a problem with the status it names (400 when it names none). */
export function sendProblem(res: Response, problem: XProblem, status = problem.status ?? 400): void {
  res.status(status).type('application/problem+json').send(JSON.stringify(problem));
}
