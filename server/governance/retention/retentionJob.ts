import type { Fence, LeasedJob } from '../../leases/leasedWork.js';
import { logger } from '../../logger.js';
import type { Store } from '../../store/index.js';
import { sweepRetention } from './sweepRetention.js';

/** Once a day. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface RetentionJobOptions {
  store: Store;
  days: number;
  /** Announces the erased cases to the live streams. */
  announceCases(caseIds: string[]): Promise<void>;
  intervalMs?: number;
  now?: () => Date;
}

/**
 * The retention sweep as a worker job: run under its lease (workerPart.ts),
 * so with several processes one sweeps. It sweeps when it starts (a worker
 * that takes the lease over catches up at once) and then once a day; a sweep
 * only finds cases not erased yet, so an extra one does no harm.
 */
export function retentionJob(options: RetentionJobOptions): LeasedJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const sweep = (fence: Fence) => {
    running = running.then(async () => {
      try {
        // A worker that lost the lease leaves the sweep to its new holder.
        await fence.assertHeld();
        const { caseIds } = await sweepRetention({ store: options.store, days: options.days, now: options.now?.() ?? new Date() });
        if (caseIds.length > 0) await options.announceCases(caseIds);
      } catch (error) {
        logger.error({ err: error }, 'retention sweep failed');
      }
    });
  };
  return {
    start: (fence) => {
      sweep(fence);
      timer = setInterval(() => sweep(fence), options.intervalMs ?? RETENTION_INTERVAL_MS);
      timer.unref();
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
