import { repairStagedEvents } from './caseHistory.js';
import { markSlaBreaches } from '../commands/markSlaBreaches.js';
import { logger } from '../logger.js';
import { startPeriodicSweep } from '../periodicSweep.js';
import type { Store } from '../store/index.js';

/**
 * One timer for all cases (not one per case): every `intervalMs` it copies
 * the events a killed writer left staged on its case (caseHistory.ts), marks
 * the cases whose stored due time has passed, then tells `onBreach`.
 */
export function startSlaSweeper(store: Store, onBreach: (caseIds: string[]) => void, intervalMs = 15_000): { stop(): Promise<void> } {
  // One commit for the sweep (embedded store): a commit each of its writes made 1,000 overdue cases block the process for seconds.
  const sweep = () => repairStagedEvents(store).then(() => store.inOneCommit(() => markSlaBreaches({ store }))).then(
    (marked) => {
      if (marked.length > 0) onBreach(marked);
    },
    (error: unknown) => logger.error({ err: error }, 'SLA sweep failed'),
  );
  return startPeriodicSweep(sweep, intervalMs, { atOnce: true });
}
