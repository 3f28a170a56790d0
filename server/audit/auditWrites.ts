import type { RequestHandler, Response } from 'express';
import { logger } from '../logger.js';
import { currentUser } from '../middleware/currentUser.js';
import type { Store } from '../store/index.js';
import type { AuditOutcome } from '../store/auditLog.js';
import { auditedRouteOf } from './auditedRoutes.js';
import { beforeOf } from './beforeOf.js';
import { withoutSecrets } from './redact.js';

const ANSWER = Symbol('audited answer');

/**
 * Records each change a person makes through the API (auditedRoutes.ts),
 * write-ahead: before the route runs, a `pending` entry (who, what action,
 * which target, the target as it is before) is stored, and only once it is
 * durable does the change go ahead; if it cannot be stored the request fails
 * and nothing changes. When the answer is finished the entry is settled:
 * `done` with the request and the answer's resource (`after`), or `refused`
 * when the route answered an error. A failed log-in is settled as
 * `session.login_failed`. Requests without a session, other than logging in,
 * are refused by the route's own check and leave no entry.
 */
export function auditWrites(store: Store): RequestHandler {
  return async (req, res, next) => {
    const audited = auditedRouteOf(req.method, req.path);
    if (!audited) return next();
    const user = currentUser(res);
    if (!user && audited.route.action !== 'session.login') return next();
    const target = audited.targetId && audited.route.target ? { kind: audited.route.target, id: audited.targetId } : null;
    const pending = await store.collections.auditEntries.insertOne({
      action: audited.route.action,
      actor: user ? { id: user.id, username: user.username } : { id: null, username: null },
      target,
      status: 0,
      state: 'pending',
      before: user && target ? withoutSecrets(await beforeOf(store, target.kind, target.id)) : null,
    });
    if (pending.status !== 'inserted') throw new Error('audit entry id collision');
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      (res as Response & { [ANSWER]?: unknown })[ANSWER] = body;
      return json(body);
    };
    res.on('finish', () => {
      const outcome = outcomeOf(res, audited.route.action, req.method, req.body as Record<string, unknown> | undefined);
      store.collections.auditEntries.settle(pending.document._id, outcome).catch((error: unknown) => logger.error({ err: error, action: outcome.action }, 'settling the audit entry failed'));
    });
    next();
  };
}

function outcomeOf(res: Response, action: string, method: string, body: Record<string, unknown> | undefined): AuditOutcome {
  const loginFailed = action === 'session.login' && res.statusCode === 401;
  const succeeded = res.statusCode >= 200 && res.statusCode < 300;
  const answer = (res as Response & { [ANSWER]?: unknown })[ANSWER] as Record<string, unknown> | undefined;
  const user = currentUser(res) ?? (answer?.user as { id: string; username: string } | undefined);
  return {
    action: loginFailed ? 'session.login_failed' : action,
    actor: user ? { id: user.id, username: user.username } : { id: null, username: typeof body?.username === 'string' ? body.username : null },
    state: succeeded || loginFailed ? 'done' : 'refused',
    status: res.statusCode,
    request: body === undefined || method === 'GET' ? null : withoutSecrets(body),
    after: answer === undefined || !succeeded || method === 'GET' ? null : withoutSecrets(answer),
  };
}
