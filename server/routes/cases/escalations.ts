import { assignQueuesSoon } from '../../commands/assignment/assignQueuesSoon.js';
import express, { Router } from 'express';
import type { JSONSchemaType } from 'ajv';
import type { ResponseTargets } from '../../cases/responseTargets.js';
import { escalateCase } from '../../commands/escalateCase.js';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { bodyValidator, validBody } from '../../middleware/validation.js';
import { presentCase } from '../../presenters/case.js';
import { presentCaseEvent } from '../../presenters/caseEvent.js';
import { ROLES, scopeForUser, type Store } from '../../store/index.js';
import type { EscalationAnswer, EscalationBody } from './bodies.js';

const escalationSchema: JSONSchemaType<EscalationBody> = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 500, pattern: '\\S' },
    tier: { type: 'integer', nullable: true, enum: [1, 2] },
    team: { type: 'string', nullable: true, pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
  },
};

const checkEscalationBody = bodyValidator(escalationSchema);

export interface EscalationRouteDeps {
  store: Store;
  /** Told which cases changed once the change is stored (live updates; the old team's room gets `case:removed`). */
  casesChanged?: (caseIds: string[]) => Promise<void>;
  /** Response-time targets (default: DEFAULT_SLA). */
  targets?: ResponseTargets;
}

/**
 * POST /api/cases/:id/escalations: moves a case to another tier and team with
 * a reason (agents of the case's team, admins; 404 for a case outside the
 * user's teams). Answers the case as it now is and the `escalated` event.
 */
export function escalationRoutes(deps: EscalationRouteDeps): Router {
  const router = Router();

  router.post('/api/cases/:id/escalations', noStore, requireRole(...ROLES), express.json({ limit: '16kb' }), async (req, res) => {
    const body = validBody(checkEscalationBody, req.body);
    const user = currentUser(res)!;
    const result = await escalateCase({ ...body, store: deps.store, scope: scopeForUser(user), actor: user, caseId: req.params.id as string, targets: deps.targets });
    res.json({ case: presentCase(result.case), event: presentCaseEvent(result.event) } satisfies EscalationAnswer);
    deps.casesChanged?.([result.case._id]).catch((error: unknown) => logger.warn({ err: error, caseId: result.case._id }, 'announcing an escalation failed'));
    // The escalated case, unassigned, waits in its new team's queue.
    void assignQueuesSoon(deps.store, deps.casesChanged);
  });

  return router;
}
