import { logger } from '../../logger.js';
import { allTeamsScope, type Store } from '../../store/index.js';
import { eraseCases, NO_ERASURE, type ErasureCounts } from '../erasure/eraseCases.js';

const DAY_MS = 24 * 60 * 60 * 1000;
// Cases erased per pass of the loop (each pass is a few batched writes).
const PAGE = 200;

/** Who the audit log names for the retention sweep's erasures (not a username: those cannot hold ':'). */
export const RETENTION_ACTOR = 'system:retention';

export interface RetentionSweep extends ErasureCounts {
  caseIds: string[];
}

/**
 * Erases (eraseCases, the way POST /api/customers/:id/erase does) every
 * resolved or suppressed case not changed for `days` days as of `now` and not
 * erased yet, and records the sweep in the audit log (counts and case ids,
 * never contents). A case reopened meanwhile is not resolved and stays.
 */
export async function sweepRetention(props: { store: Store; days: number; now: Date }): Promise<RetentionSweep> {
  const { store, now } = props;
  const cutoff = new Date(now.getTime() - props.days * DAY_MS);
  let totals: ErasureCounts = NO_ERASURE;
  const caseIds: string[] = [];
  for (;;) {
    const due = await store.collections.cases.find(allTeamsScope(), { status: { $in: ['resolved', 'suppressed'] }, erasedAt: null, updatedAt: { $lt: cutoff } }, { sort: { updatedAt: 1 }, limit: PAGE });
    if (due.length === 0) break;
    const counts = await eraseCases(store, due, [], now);
    totals = sum(totals, counts);
    caseIds.push(...due.map((doc) => doc._id));
  }
  if (caseIds.length > 0) {
    await store.collections.auditEntries.insertOne({
      at: now,
      actor: { id: null, username: RETENTION_ACTOR },
      action: 'retention.erase',
      target: null,
      status: 200,
      request: { days: props.days, untouchedSince: cutoff.toISOString() },
      after: { erased: { ...totals, caseIds } },
    });
    logger.info({ cases: caseIds.length, days: props.days }, 'retention: erased resolved and suppressed cases');
  }
  return { ...totals, caseIds };
}

function sum(a: ErasureCounts, b: ErasureCounts): ErasureCounts {
  return { cases: a.cases + b.cases, messages: a.messages + b.messages, events: a.events + b.events, webhookDeliveries: a.webhookDeliveries + b.webhookDeliveries, auditEntries: a.auditEntries + b.auditEntries };
}
