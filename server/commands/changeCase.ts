import { ensureStagedEventsWritten, staging, writeStagedEvents, type NewCaseEvent } from '../cases/caseHistory.js';
import { conflict } from '../errors.js';
import type { CaseDocument, CaseEventDocument, Store, TeamScope } from '../store/index.js';

export type { EventActor } from '../cases/caseHistory.js';

/** What a command does to a case: fields to set and the events recording it (in order). */
export interface CaseChange {
  set: Record<string, unknown>;
  inc?: Record<string, number>;
  events: NewCaseEvent[];
  /** Leave `version` as it is (a note changes no field an agent edits, so a colleague's edit in progress does not turn stale). */
  keepVersion?: boolean;
}

export interface ChangeCaseProps {
  store: Store;
  scope: TeamScope;
  caseId: string;
  /** The change to make to the case as it is now; null when there is nothing to do. It may throw (e.g. a 409 on a stale version). */
  plan(current: CaseDocument): CaseChange | null;
  now: Date;
}

// Another process may write the case between our read and our update: read again and plan again.
const ATTEMPTS = 10;

/**
 * Applies a change planned from the current case, in one compare-and-set
 * write of the case conditional on its `version` and `lastEventSeq` as read:
 * it sets the fields, moves `lastEventSeq` past the events and stages them
 * on the case (caseHistory.ts); then they are copied to caseEvents. The
 * events the previous write staged are made sure of first, since this write
 * replaces them. So a process killed at any point leaves every seq up to
 * `lastEventSeq` either in caseEvents or on the case, and none twice: the
 * database decides, not an in-process lock. Null when the case is not in
 * the scope or the plan changes nothing.
 */
export async function changeCase(props: ChangeCaseProps): Promise<{ case: CaseDocument; events: CaseEventDocument[] } | null> {
  const { store, scope, now } = props;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.collections.cases.findOne(scope, { _id: props.caseId });
    if (!current) return null;
    const change = props.plan(current);
    if (!change) return null;
    await ensureStagedEventsWritten(store, [current]);
    const updated = await store.collections.cases.findOneAndUpdate(
      scope,
      { _id: current._id, version: current.version, lastEventSeq: current.lastEventSeq },
      { $set: { ...change.set, updatedAt: now, ...(change.events.length > 0 ? staging(current, change.events, now) : {}) }, $inc: { ...change.inc, ...(change.keepVersion ? {} : { version: 1 }) } },
      { returnDocument: 'after' },
    );
    if (!updated) continue;
    return { case: updated, events: await writeStagedEvents(store, [updated]) };
  }
  throw conflict('the case kept changing meanwhile: try again');
}
