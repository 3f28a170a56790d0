import { allTeamsScope, type CaseDocument, type CaseEventDocument, type CaseEventType, type NewCaseEventDocument, type Store } from '../store/index.js';

/** Who caused a case event. */
export interface EventActor {
  kind: 'user' | 'system' | 'connector';
  id: string;
}

/** An event a case write records (its seq comes from the case). */
export interface NewCaseEvent {
  type: CaseEventType;
  actor: EventActor;
  data: Record<string, unknown>;
}

/** The cases one repair sweep looks at, at most. */
export const REPAIR_BATCH = 500;

/** The `_id` of a case's event with this seq: one per (case, seq), so whether it was written is a primary-key lookup. */
export function caseEventId(caseId: string, seq: number): string {
  return `${caseId}:${seq}`;
}

/**
 * What a case write sets to record `events` after the case's `lastEventSeq`
 * as it was read: the events staged on the case and `lastEventSeq` past
 * them. The write must be conditional on that `lastEventSeq` (then it is
 * the only one numbering those seqs) and be followed by writeStagedEvents.
 */
export function staging(current: Pick<CaseDocument, 'lastEventSeq'>, events: readonly NewCaseEvent[], now: Date): Pick<CaseDocument, 'lastEventSeq' | 'stagedEvents' | 'stagedAt'> {
  return { lastEventSeq: current.lastEventSeq + events.length, stagedEvents: events.map((event) => ({ ...event, at: now })), stagedAt: now };
}

/** The events staged on a case, as caseEvents documents: the case's last ones, up to its `lastEventSeq`. */
export function stagedEventsOf(doc: Pick<CaseDocument, '_id' | 'lastEventSeq' | 'stagedEvents'>): NewCaseEventDocument[] {
  const staged = doc.stagedEvents ?? [];
  const first = doc.lastEventSeq - staged.length + 1;
  return staged.map((event, at) => ({ _id: caseEventId(doc._id, first + at), caseId: doc._id, seq: first + at, type: event.type, at: event.at, actor: event.actor, data: event.data ?? {} }));
}

/** Copies the events staged by a write that just happened to caseEvents, in order; one already there (a repair was quicker) is read back. */
export async function writeStagedEvents(store: Store, docs: ReadonlyArray<Pick<CaseDocument, '_id' | 'lastEventSeq' | 'stagedEvents'>>): Promise<CaseEventDocument[]> {
  const events = stampedStored(docs.flatMap(stagedEventsOf));
  const results = await store.collections.caseEvents.insertMany(events);
  return Promise.all(results.map(async (result, at) => (result.status === 'inserted' ? result.document : writtenBefore(store, events[at]!))));
}

/**
 * Makes sure the events staged on these cases (as read) are in caseEvents,
 * before a write replaces them with its own: their writer may have died
 * after the case write. They are looked up by id; missing ones are written.
 */
export async function ensureStagedEventsWritten(store: Store, docs: ReadonlyArray<Pick<CaseDocument, '_id' | 'lastEventSeq' | 'stagedEvents' | 'stagedAt'>>): Promise<void> {
  const staged = docs.filter((doc) => doc.stagedAt).flatMap(stagedEventsOf);
  if (staged.length === 0) return;
  // One read for all: an `_id` list is an index lookup on MongoDB and SQLite (FerretDB scans for any filter but a single `_id`).
  const found = new Set((await store.collections.caseEvents.find({ _id: { $in: staged.map((event) => event._id!) } }, { fields: ['_id'] })).map((event) => event._id));
  const missing = staged.filter((event) => !found.has(event._id!));
  // A duplicate among them was copied meanwhile by another writer or the sweep: written either way.
  if (missing.length > 0) await store.collections.caseEvents.insertMany(stampedStored(missing));
}

/**
 * The events as copied now: `storedAt` is the wall clock of the copy (not a
 * command's `now`), which the webhook fan-out reads by, so an event copied
 * late is still read after its copy, however old its `at`.
 */
function stampedStored(events: NewCaseEventDocument[]): NewCaseEventDocument[] {
  const storedAt = new Date();
  return events.map((event) => ({ ...event, storedAt }));
}

/**
 * The repair sweep: the events staged at least `minAgeMs` ago (so their
 * writer has normally copied them, unless it died) are made sure of in
 * caseEvents, then unstaged, unless the case was written again meanwhile.
 * Returns how many cases it looked at.
 */
export async function repairStagedEvents(store: Store, now = new Date(), minAgeMs = 5_000): Promise<number> {
  const cases = await store.collections.cases.find(allTeamsScope(), { stagedAt: { $lte: new Date(now.getTime() - minAgeMs) } }, { limit: REPAIR_BATCH, fields: ['lastEventSeq', 'stagedEvents', 'stagedAt'] });
  if (cases.length === 0) return 0;
  await ensureStagedEventsWritten(store, cases);
  await store.collections.cases.updateEach(allTeamsScope(), cases.map((doc) => ({ _id: doc._id, expect: { lastEventSeq: doc.lastEventSeq }, update: { $set: { stagedEvents: [], stagedAt: null } } })));
  return cases.length;
}

/** Merges a case's staged events into its events as read (an agent reading between the case write and the copy sees them all). */
export function withStagedEvents(doc: CaseDocument, events: CaseEventDocument[]): CaseEventDocument[] {
  const seen = new Set(events.map((event) => event.seq));
  const staged = stagedEventsOf(doc).filter((event) => !seen.has(event.seq)) as CaseEventDocument[];
  return staged.length === 0 ? events : [...events, ...staged].sort((a, b) => a.seq - b.seq);
}

async function writtenBefore(store: Store, event: NewCaseEventDocument): Promise<CaseEventDocument> {
  const found = await store.collections.caseEvents.findOne({ _id: event._id! });
  if (!found) throw new Error(`case ${event.caseId}: event seq ${event.seq} is held by another event`);
  return found;
}
