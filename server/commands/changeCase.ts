import { conflict } from '../errors.js';
import type { CaseDocument, CaseEventDocument, CaseEventType, Store, TeamScope } from '../store/index.js';

/** Who caused a case event. */
export interface EventActor {
  kind: 'user' | 'system' | 'connector';
  id: string;
}

/** What a command does to a case: fields to set and the events recording it (in order). */
export interface CaseChange {
  set: Record<string, unknown>;
  inc?: Record<string, number>;
  events: Array<{ type: CaseEventType; actor: EventActor; data: Record<string, unknown> }>;
}

export interface ChangeCaseProps {
  store: Store;
  scope: TeamScope;
  caseId: string;
  /** The change to make to the case as it is now; null when there is nothing to do. */
  plan(current: CaseDocument): CaseChange | null;
  now: Date;
}

// Another process (MongoDB, several servers) may write the case between our read and our update: re-read and plan again.
const ATTEMPTS = 3;

/**
 * Applies a change planned from the current case, as updateCase does: a
 * version-checked update that bumps `version` and reserves one event seq per
 * event with $inc lastEventSeq, then the events with those seqs. Callers hold
 * `store.exclusive('case:<id>')`. Null when the case is not in the scope or
 * the plan changes nothing.
 */
export async function changeCase(props: ChangeCaseProps): Promise<{ case: CaseDocument; events: CaseEventDocument[] } | null> {
  const { store, scope, now } = props;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await store.collections.cases.findOne(scope, { _id: props.caseId });
    if (!current) return null;
    const change = props.plan(current);
    if (!change) return null;
    const updated = await store.collections.cases.findOneAndUpdate(
      scope,
      { _id: current._id, version: current.version },
      { $set: { ...change.set, updatedAt: now }, $inc: { ...change.inc, version: 1, lastEventSeq: change.events.length } },
      { returnDocument: 'after' },
    );
    if (!updated) continue;
    const firstSeq = updated.lastEventSeq - change.events.length + 1;
    const appended = await store.collections.caseEvents.insertMany(
      change.events.map((event, index) => ({ caseId: updated._id, seq: firstSeq + index, type: event.type, at: now, actor: event.actor, data: event.data })),
    );
    const events = appended.map((result, index) => {
      if (result.status !== 'inserted') throw new Error(`case ${updated._id}: event seq ${firstSeq + index} was already taken`);
      return result.document;
    });
    return { case: updated, events };
  }
  throw conflict('the case kept changing meanwhile: try again');
}
