import express, { Router } from 'express';
import { setAvailability } from '../../commands/assignment/setAvailability.js';
import { notFound } from '../../errors.js';
import { logger } from '../../logger.js';
import { currentUser, requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validBody } from '../../middleware/validation.js';
import { plainString, type Store } from '../../store/index.js';
import type { AvailabilityAnswer } from './bodies.js';
import { checkPutAvailabilityBody } from './schema.js';

export interface AvailabilityRouteDeps {
  store: Store;
  /** Told which cases changed assignee (handed back, assigned from a queue), once stored. */
  casesChanged?: (caseIds: string[]) => Promise<void>;
}

/** GET/PUT /api/me/availability: agents and admins say whether they take cases (online, away, offline). */
export function availabilityRoutes(deps: AvailabilityRouteDeps): Router {
  const router = Router();
  const { store } = deps;
  router.use('/api/me/availability', noStore, requireRole('agent', 'admin'));

  router.get('/api/me/availability', async (_req, res) => {
    const user = await store.collections.users.findOne({ _id: plainString(currentUser(res)!.id, 'user id') });
    if (!user) throw notFound('user');
    res.json({ status: user.availability } satisfies AvailabilityAnswer);
  });

  router.put('/api/me/availability', express.json({ limit: '1kb' }), async (req, res) => {
    const body = validBody(checkPutAvailabilityBody, req.body);
    const change = await setAvailability({ store, userId: currentUser(res)!.id, status: body.status });
    res.json({ status: change.user.availability } satisfies AvailabilityAnswer);
    if (change.changedCaseIds.length > 0 && deps.casesChanged) {
      deps.casesChanged(change.changedCaseIds).catch((error: unknown) => logger.warn({ err: error }, 'announcing reassigned cases failed'));
    }
  });

  return router;
}
