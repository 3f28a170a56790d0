import { Router } from 'express';
import { publicThreads } from '../../cases/publicThreads.js';
import { requireRole } from '../../middleware/currentUser.js';
import { noStore } from '../../middleware/noStore.js';
import { validQuery } from '../../middleware/validation.js';
import { presentThread } from '../../presenters/thread.js';
import type { Store } from '../../store/index.js';
import { decodeCursor, encodeCursor } from '../cases/activityCursor.js';
import type { ThreadListAnswer } from './bodies.js';
import { checkThreadsQuery } from './schema.js';

/** GET /api/monitor/threads: public threads only (no DMs, no tier 2), personal data masked. */
export function monitorRoutes(deps: { store: Store }): Router {
  const router = Router();
  router.get('/api/monitor/threads', noStore, requireRole('marketing', 'admin'), async (req, res) => {
    const query = validQuery(checkThreadsQuery, req.query);
    const page = await publicThreads({ store: deps.store, limit: query.limit, after: query.cursor === undefined ? undefined : decodeCursor(query.cursor) });
    res.json({ threads: page.items.map((thread) => presentThread(thread.case, thread.messages)), nextCursor: page.next ? encodeCursor(page.next) : null } satisfies ThreadListAnswer);
  });
  return router;
}
