import { setTimeout as sleep } from 'node:timers/promises';
import { arrivalChange, type ArrivalContext } from '../cases/joinCase.js';
import type { Message } from '../routing/index.js';
import { ensureStagedEventsWritten, staging, writeStagedEvents } from '../cases/caseHistory.js';
import { allTeamsScope, WriteConflictError, type CaseDocument, type CaseEventDocument, type EachUpdate, type Store } from '../store/index.js';

const SYSTEM = { kind: 'system' as const, id: 'ingest' };
// Another writer moving a case between our read and our write makes us read it again and plan again, a little later.
const ATTEMPTS = 30;

/** A case as the arrivals left it, and the events recording them. */
export interface RecordedArrivals {
  cases: CaseDocument[];
  events: CaseEventDocument[];
}

/**
 * Records stored customer messages on their cases: each case's change
 * (arrivalChange) and its events, numbered after the case's `lastEventSeq`,
 * as changeCase does but for many cases in one write: every case update is
 * a compare-and-set conditional on the `lastEventSeq` it was planned from,
 * and stages its events on the case; then the events are copied to
 * caseEvents. A case written meanwhile by another process is read again and
 * planned again. `known` holds cases already read (e.g. just opened).
 */
export async function recordArrivals(store: Store, arrivals: ReadonlyMap<string, Message[]>, known: Map<string, CaseDocument>, context: ArrivalContext): Promise<RecordedArrivals> {
  const recorded: CaseDocument[] = [];
  const appended: CaseEventDocument[] = [];
  let pending = [...arrivals.keys()];
  for (let attempt = 0; attempt < ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 0) await sleep(Math.random() * Math.min(100, attempt * 5));
    const unread = pending.filter((caseId) => !known.has(caseId));
    if (unread.length > 0) for (const doc of await store.collections.cases.find(allTeamsScope(), { _id: { $in: unread } })) known.set(doc._id, doc);
    const cases = pending.flatMap((caseId) => known.get(caseId) ?? []);
    await ensureStagedEventsWritten(store, cases);
    const plans = cases.map((current) => planOf(current, arrivals.get(current._id)!, context));
    const updated = await store.collections.cases.updateEach(allTeamsScope(), plans);
    for (const doc of cases) known.delete(doc._id);
    const written = updated.flatMap((result) => result.document ?? []);
    pending = plans.filter((_, index) => !updated[index]!.document).map((plan) => plan._id);
    recorded.push(...written);
    appended.push(...(await writeStagedEvents(store, written)));
  }
  if (pending.length > 0) throw new WriteConflictError('cases', ATTEMPTS);
  return { cases: recorded, events: appended };
}

/** The update recording `messages` on the case as read, conditional on its `lastEventSeq`. */
function planOf(current: CaseDocument, messages: Message[], context: ArrivalContext): EachUpdate<CaseDocument> {
  const inOrder = [...messages].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  const change = arrivalChange(current, inOrder, context);
  const opening = current.lastEventSeq === 0;
  const events = change.events.map((event) => ({ type: event.type, actor: SYSTEM, data: event.data }));
  return {
    _id: current._id,
    expect: { lastEventSeq: current.lastEventSeq },
    // The case's own version moves for agents' optimistic concurrency, except for the messages it was opened with.
    update: { $set: { ...change.set, ...staging(current, events, context.now), updatedAt: context.now }, $inc: { messageCount: messages.length, ...(opening ? {} : { version: 1 }) } },
  };
}
