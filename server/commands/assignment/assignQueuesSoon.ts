import { logger } from '../../logger.js';
import type { Store } from '../../store/index.js';
import { assignAllQueues } from './assignQueuedCases.js';

/**
 * After a write that may free capacity or fill a queue (a new or escalated
 * case, a resolved or unassigned one, a team's mode changed): assigns the
 * queues in the background and announces the cases assigned. Never fails
 * the request that caused it; the periodic sweep retries what this misses.
 */
export function assignQueuesSoon(store: Store, casesChanged?: (caseIds: string[]) => Promise<void>): Promise<void> {
  return assignAllQueues({ store })
    .then(async (assigned) => {
      if (assigned.length > 0) await casesChanged?.(assigned);
    })
    .catch((error: unknown) => logger.error({ err: error }, 'assigning queued cases failed'));
}
