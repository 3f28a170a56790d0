import type { Logger } from 'pino';
import { allTeamsScope, type CaseDocument, type Store } from '../store/index.js';
import { REPAIR_BATCH, caseEventId, ensureStagedEventsWritten } from './caseHistory.js';

/** The checkpoint that records the heal as done for this data set (the scan is not made again). */
const HEALED = { connector: 'migrations', stream: 'case-seq-heal' };

type ScannedCase = Pick<CaseDocument, '_id' | 'lastEventSeq' | 'stagedEvents' | 'stagedAt'>;
const SCANNED_FIELDS = ['lastEventSeq', 'stagedEvents', 'stagedAt'] as const;

/** What the start-up heal did: ran (and healed so many cases), or was skipped because it completed before. */
export type StartupHeal = { ran: true; healed: number } | { ran: false; completedAt: Date };

/**
 * The start-up heal, once per data set: skipped when a checkpoint says a
 * full pass completed (cases written since stage their events on the case
 * first, so none can fall behind again); otherwise a full pass, then the
 * checkpoint. A pass cut short writes no checkpoint and runs again at the
 * next start. Processes starting together may each make the pass: each case
 * is healed by one compare-and-set, so it is healed once.
 */
export async function healCasesBehindTheirEventsOnce(store: Store): Promise<StartupHeal> {
  const done = await store.collections.checkpoints.findOne(HEALED);
  if (done) return { ran: false, completedAt: done.updatedAt };
  const healed = await healCasesBehindTheirEvents(store);
  await store.collections.checkpoints.upsertOne(HEALED, { $set: { updatedAt: new Date() } });
  return { ran: true, healed };
}

/**
 * Heals cases numbered behind their events. Before events were staged on the
 * case, a writer killed between writing a case's events and the case itself
 * left caseEvents past the case's `lastEventSeq`, and the next write of the
 * case numbered its event onto one of them (a clash: that event was lost).
 * Each such case gets `lastEventSeq` moved up to its highest event, its
 * staged events (numbered from the old value) copied and unstaged first, in
 * one compare-and-set. One primary-key lookup per case (is event
 * `lastEventSeq + 1` there?), in batches. Returns how many cases it healed.
 */
export async function healCasesBehindTheirEvents(store: Store): Promise<number> {
  let healed = 0;
  let after: string | undefined;
  for (;;) {
    const cases = await store.collections.cases.find(allTeamsScope(), after === undefined ? {} : { _id: { $gt: after } }, { sort: { _id: 1 }, limit: REPAIR_BATCH, fields: SCANNED_FIELDS });
    if (cases.length === 0) return healed;
    after = cases.at(-1)!._id;
    healed += await healBatch(store, cases);
  }
}

/** Heals the cases of one batch that are behind; one written meanwhile (its compare-and-set refused) is read again and looked at again, as the pass does not come back to it. */
async function healBatch(store: Store, batch: ScannedCase[]): Promise<number> {
  let healed = 0;
  let pending = batch;
  while (pending.length > 0) {
    const past = await store.collections.caseEvents.find({ _id: { $in: pending.map((doc) => caseEventId(doc._id, doc.lastEventSeq + 1)) } }, { fields: ['caseId'] });
    const behind = pending.filter((doc) => past.some((event) => event.caseId === doc._id));
    if (behind.length === 0) break;
    await ensureStagedEventsWritten(store, behind);
    const highest = await Promise.all(behind.map(async (doc) => (await store.collections.caseEvents.find({ caseId: doc._id }, { sort: { seq: -1 }, limit: 1, fields: ['seq'] }))[0]!.seq));
    const results = await store.collections.cases.updateEach(allTeamsScope(), behind.map((doc, at) => ({ _id: doc._id, expect: { lastEventSeq: doc.lastEventSeq }, update: { $set: { lastEventSeq: highest[at]!, stagedEvents: [], stagedAt: null } } })));
    healed += results.filter((result) => result.matched).length;
    const refused = behind.filter((_, at) => !results[at]!.matched).map((doc) => doc._id);
    pending = refused.length === 0 ? [] : await store.collections.cases.find(allTeamsScope(), { _id: { $in: refused } }, { fields: SCANNED_FIELDS });
  }
  return healed;
}

/** Says at start-up whether the heal ran and how many cases it healed, or since when it is done. */
export function logStartupHeal(log: Pick<Logger, 'info' | 'warn'>, heal: StartupHeal): void {
  if (!heal.ran) {
    log.info({ completedAt: heal.completedAt }, `skipped the heal of cases numbered behind their events: it completed for this data set on ${heal.completedAt.toISOString()}`);
  } else if (heal.healed > 0) {
    log.warn({ cases: heal.healed }, `healed ${heal.healed} cases a killed writer left numbered behind their events: moved lastEventSeq up to their highest stored event (their next events number after it); recorded as done, later starts skip the scan`);
  } else {
    log.info({ cases: 0 }, 'ran the heal of cases numbered behind their events: none was behind; recorded as done, later starts skip the scan');
  }
}
