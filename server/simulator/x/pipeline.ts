/** The path every simulated X request takes: count → authenticate → rate limit → fault → route → respond. */
import type { Request, RequestHandler, Response } from 'express';
import { authenticate, type AuthConfig, type Caller } from './auth.js';
import type { EndpointName } from './endpoints.js';
import { accountProblem, errorsWithoutData, sendProblem, serverError, tooManyRequests, unauthorized, unsupportedAuthentication, type XProblem } from './errors.js';
import type { FaultQueue, FaultSpec } from './faults.js';
import type { HeldResponses } from './holds.js';
import type { RateLimiter } from './rateLimits.js';
import type { RequestStats } from './stats.js';

/** What a route gets besides the request. */
export interface RouteContext {
  caller: Caller;
  /** A repeatItems / outOfOrder fault the route must apply to its page. */
  pageFault?: FaultSpec;
}

/** What a route decides: a JSON body with a status, or an X problem. */
export type RouteOutcome = { status: number; body: unknown } | { problem: XProblem };

/** One simulated endpoint's logic, free of auth, limits and faults. */
export type RouteHandler = (req: Request, context: RouteContext) => RouteOutcome;

/** The shared machinery the pipeline consults. */
export interface PipelineParts {
  auth: AuthConfig;
  /** Headers X puts on every answer: api-version, and x-access-level for user-context callers. */
  headers: { apiVersion: string; accessLevel: string };
  limiter: RateLimiter;
  faults: FaultQueue;
  stats: RequestStats;
  held: HeldResponses;
}

/** Wraps a route handler into an express handler that behaves like X's front door. */
export function endpointPipeline(endpoint: EndpointName, route: RouteHandler, parts: PipelineParts, userContextOnly: boolean): RequestHandler {
  return (req, res) => {
    parts.stats.arrived(endpoint);
    res.set('api-version', parts.headers.apiVersion);
    const caller = authenticate(req, parts.auth);
    if (!caller) {
      parts.stats.ended(endpoint, 'unauthorized');
      return sendProblem(res, unauthorized());
    }
    if (caller.appOnly && userContextOnly) {
      parts.stats.ended(endpoint, 'rejected');
      return sendProblem(res, unsupportedAuthentication());
    }
    if (!caller.appOnly) res.set('x-access-level', parts.headers.accessLevel);
    const decision = parts.limiter.take(endpoint, caller.principal);
    res.set(decision.headers);
    if (!decision.allowed) {
      parts.stats.ended(endpoint, 'rateLimited');
      return sendProblem(res, tooManyRequests());
    }
    const fault = parts.faults.take(endpoint);
    const isPageFault = fault?.kind === 'repeatItems' || fault?.kind === 'outOfOrder';
    const runRoute = () => respond(res, route(req, { caller, ...(isPageFault ? { pageFault: fault } : {}) }), endpoint, parts);
    if (isPageFault) parts.stats.ended(endpoint, 'faulted');
    if (!fault || isPageFault) return runRoute();
    parts.stats.ended(endpoint, 'faulted');
    if (fault.afterEffect || fault.kind === 'responseLost') {
      const outcome = route(req, { caller });
      return deliverFault(fault, req, res, parts, () => respond(res, outcome, endpoint, parts, false));
    }
    deliverFault(fault, req, res, parts, runRoute);
  };
}

function respond(res: Response, outcome: RouteOutcome, endpoint: EndpointName, parts: PipelineParts, count = true): void {
  if ('problem' in outcome) {
    if (count) parts.stats.ended(endpoint, 'rejected');
    return sendProblem(res, outcome.problem);
  }
  if (count) parts.stats.ended(endpoint, 'succeeded');
  parts.stats.returned(endpoint, outcome.body);
  res.status(outcome.status).json(outcome.body);
}

/** Misbehaves as the fault says; `proceed` sends the normal answer (used when a timeout ends). */
function deliverFault(fault: FaultSpec, req: Request, res: Response, parts: PipelineParts, proceed: () => void): void {
  switch (fault.kind) {
    case 'serverError':
      return sendProblem(res, serverError(fault.status ?? 503));
    case 'drop':
    case 'responseLost':
      req.socket.destroy();
      return;
    case 'problem': {
      const problem = accountProblem(fault.problem ?? 'unauthorized');
      return sendProblem(res, problem, problem.status);
    }
    case 'errorsNoData':
      res.status(200).json(errorsWithoutData());
      return;
    case 'timeout':
      return parts.held.hold(res, fault.holdMs, proceed);
    default:
      return proceed();
  }
}
