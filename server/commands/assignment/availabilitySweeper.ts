import { logger } from '../../logger.js';
import { startPeriodicSweep } from '../../periodicSweep.js';
import type { SessionUser } from '../../middleware/currentUser.js';
import type { LiveIo } from '../../realtime/liveIo.js';
import type { Store } from '../../store/index.js';
import { wakeSnoozedCases } from '../wakeSnoozedCases.js';
import { sweepAvailability } from './sweepAvailability.js';

/** The ids of the users with a live socket on this process. */
export function connectedUserIds(io: LiveIo): string[] {
  return [...io.sockets.sockets.values()].flatMap((socket) => {
    const user = socket.data.user as SessionUser | undefined;
    return user ? [user.id] : [];
  });
}

/**
 * One timer per process (as the SLA sweeper): every `intervalMs` it records
 * who is connected here, makes agents without any tab for 5 minutes offline
 * and assigns the queues, wakes the snoozed cases whose time came, then
 * announces the cases changed.
 */
export function startAvailabilitySweeper(store: Store, connected: () => string[], announce: (caseIds: string[]) => Promise<void> | undefined, intervalMs = 15_000): { stop(): Promise<void> } {
  const sweep = () => sweepAvailability({ store, connectedUserIds: connected() })
    .then(async (reassigned) => [...reassigned, ...(await wakeSnoozedCases({ store }))])
    .then(async (changed) => {
      if (changed.length > 0) await announce(changed);
    })
    .catch((error: unknown) => logger.error({ err: error }, 'availability sweep failed'));
  return startPeriodicSweep(sweep, intervalMs);
}
