import express, { Router } from 'express';
import { caseAssignees } from '../../cases/caseAssignees.js';
import { caseCounts } from '../../cases/caseCounts.js';
import { caseDetail } from '../../cases/caseDetail.js';
import { listCases } from '../../cases/listCases.js';
import { assignQueuesSoon } from '../../commands/assignment/assignQueuesSoon.js';
import { updateCase } from '../../commands/updateCase.js';
import { badRequest, notFound } from '../../errors.js';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validBody, validQuery } from '../../middleware/validation.js';
import { presentCase } from '../../presenters/case.js';
import { presentCaseEvent } from '../../presenters/caseEvent.js';
import { presentMessage } from '../../presenters/message.js';
import { ROLES, scopeForUser, type Store } from '../../store/index.js';
import { decodeCaseCursor, encodeCaseCursor } from './caseCursor.js';
import type { CaseAnswer, CaseAssigneesAnswer, CaseCountsAnswer, CaseDetailAnswer, CaseListAnswer } from './bodies.js';
import { checkListCasesQuery, checkPatchCaseBody } from './schema.js';

export interface CaseRouteDeps {
  store: Store;
  /** Told which cases a request changed, once the change is stored (live updates). */
  casesChanged?: (caseIds: string[]) => Promise<void>;
}

/**
 * GET /api/cases, GET /api/cases/:id, PATCH /api/cases/:id. Every read and
 * write goes through the user's TeamScope; a case outside it is a 404 for
 * every role (marketing included), so an id never tells whether it exists.
 */
export function caseRoutes(deps: CaseRouteDeps): Router {
  const router = Router();
  const { store } = deps;

  router.get('/api/cases', noStore, requireRole('agent', 'admin'), async (req, res) => {
    const query = validQuery(checkListCasesQuery, req.query);
    const user = currentUser(res)!;
    const page = await listCases({
      store,
      scope: scopeForUser(user),
      team: query.team,
      tier: query.tier,
      status: query.status,
      priority: query.priority,
      tag: query.tag,
      channel: query.channel,
      assignee: assigneeFilter(query.assignee, user.username),
      active: query.active,
      snoozed: query.snoozed,
      sort: query.sort,
      limit: query.limit,
      after: query.cursor === undefined ? undefined : decodeCaseCursor(query.cursor, query.sort),
    });
    res.json({ cases: page.items.map(presentCase), nextCursor: page.next ? encodeCaseCursor(page.next) : null } satisfies CaseListAnswer);
  });

  // Before /api/cases/:id, which would take "counts" for an id.
  router.get('/api/cases/counts', noStore, requireRole('agent', 'admin'), async (_req, res) => {
    const user = currentUser(res)!;
    res.json(await caseCounts({ store, scope: scopeForUser(user), username: user.username }) satisfies CaseCountsAnswer);
  });

  router.get('/api/cases/:id/assignees', noStore, requireRole('agent', 'admin'), async (req, res) => {
    res.json({ assignees: await caseAssignees({ store, scope: scopeForUser(currentUser(res)!), caseId: req.params.id as string }) } satisfies CaseAssigneesAnswer);
  });

  router.get('/api/cases/:id', noStore, requireRole(...ROLES), async (req, res) => {
    const detail = await caseDetail({ store, scope: scopeForUser(currentUser(res)!), caseId: req.params.id as string });
    if (!detail) throw notFound('case');
    const presented = presentCase(detail.case);
    // The history names colleagues (as notes do), not "a colleague".
    const userIds = [...new Set(detail.events.flatMap((event) => (event.actor.kind === 'user' && event.actor.id ? [event.actor.id] : [])))];
    const users = userIds.length > 0 ? await store.collections.users.find({ _id: { $in: userIds } }) : [];
    const usernames = new Map(users.map((user) => [user._id, user.username]));
    // Beyond the contract: routing.trace, the rules of the routing version up to the deciding one, each with why it did not match.
    const routing = detail.trace ? { ...presented.routing, trace: detail.trace } : presented.routing;
    res.json({ case: { ...presented, routing }, messages: detail.messages.map(presentMessage), events: detail.events.map((event) => presentCaseEvent(event, usernames)) } satisfies CaseDetailAnswer);
  });

  router.patch('/api/cases/:id', noStore, requireRole(...ROLES), express.json({ limit: '16kb' }), async (req, res) => {
    const { version, ...changes } = validBody(checkPatchCaseBody, req.body);
    if (Object.keys(changes).length === 0) throw badRequest('invalid request body', [{ pointer: '', message: 'must change at least one of status, assignee, priority, tags' }]);
    const user = currentUser(res)!;
    const result = await updateCase({ store, scope: scopeForUser(user), actor: user, caseId: req.params.id as string, changes, expectedVersion: version });
    res.json({ case: presentCase(result.case) } satisfies CaseAnswer);
    if (result.event && deps.casesChanged) {
      deps.casesChanged([result.case._id]).catch((error: unknown) => logger.warn({ err: error, caseId: result.case._id }, 'announcing a case update failed'));
    }
    // A resolved, parked or unassigned case frees capacity or joins the queue.
    if (result.event && (changes.status !== undefined || changes.assignee !== undefined)) void assignQueuesSoon(store, deps.casesChanged);
  });

  return router;
}

/** The `assignee` parameter as a filter: `me` is the caller, `none` the unassigned cases, anything else a username. */
function assigneeFilter(assignee: string | undefined, username: string): string | null | undefined {
  if (assignee === 'me') return username;
  if (assignee === 'none') return null;
  return assignee;
}
