/**
 * A writer killed between a case write and the copy of its events to
 * caseEvents (the window where, before, a SIGKILLed worker left a seq gap or
 * a `lastEventSeq` behind its events), and writers racing on one case from
 * two processes: every case's events stay numbered 1…lastEventSeq, with no
 * gap and none twice. Runs on the embedded store and (mongodb project) on
 * FerretDB / MongoDB, where the second "process" is a second store.
 */
import { describe, expect, it } from 'vitest';
import { caseEventId, repairStagedEvents } from '../../server/cases/caseHistory.js';
import { healCasesBehindTheirEvents } from '../../server/cases/healCasesBehindTheirEvents.js';
import { caseDetail } from '../../server/cases/caseDetail.js';
import { addNote } from '../../server/commands/addNote.js';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import { markSlaBreaches } from '../../server/commands/markSlaBreaches.js';
import { updateCase } from '../../server/commands/updateCase.js';
import type { Message } from '../../server/routing/index.js';
import { allTeamsScope, openStore, type Store } from '../../server/store/index.js';
import { killedBeforeEventsCopy } from '../support/killedWriter.js';
import { useFreshStore } from '../support/testStore.js';
import { BRAND_ID, NOW, activeRules, message } from './ingestFixture.js';

const ADMIN = { id: 'u1', username: 'ana', role: 'admin' as const, teams: [] };
const LATER = new Date(NOW.getTime() + 60_000);
const LATER_THAN_ANY_TARGET = new Date(NOW.getTime() + 7 * 24 * 3_600_000);

const fresh = useFreshStore('case_history');

function ingest(into: Store, messages: Message[], now = NOW) {
  return ingestMessages({ store: into, rules: activeRules(), brandAccounts: new Set([`x:${BRAND_ID}`]), messages, now });
}

/** Each case's event seqs (as stored in caseEvents) against 1…lastEventSeq. */
async function seqsOfEveryCase(of: Store): Promise<Array<{ seqs: number[]; expected: number[] }>> {
  const cases = await of.collections.cases.find(allTeamsScope(), {}, { sort: { createdAt: 1 } });
  return Promise.all(cases.map(async (doc) => ({
    seqs: (await of.collections.caseEvents.find({ caseId: doc._id }, { sort: { seq: 1 } })).map((event) => event.seq),
    expected: Array.from({ length: doc.lastEventSeq }, (_, at) => at + 1),
  })));
}

async function onlyCase(of: Store) {
  const [doc, ...others] = await of.collections.cases.find(allTeamsScope(), {});
  expect(others).toEqual([]);
  return doc!;
}

async function trail(of: Store, caseId: string): Promise<string[]> {
  return (await of.collections.caseEvents.find({ caseId }, { sort: { seq: 1 } })).map((event) => `${event.seq}:${event.type}`);
}

describe('a writer killed between the case write and its events', () => {
  it('leaves a joined message\'s event on the case, where the next writer copies it before numbering its own', async () => {
    const { store } = fresh;
    const first = message('my parcel is late', 'A');
    await ingest(store, [first]);
    await expect(ingest(killedBeforeEventsCopy(store), [message('any news?', 'A', { threadId: first.threadId, minutesAgo: 2 })])).rejects.toThrow('SIGKILL');
    const crashed = await onlyCase(store);
    expect(crashed).toMatchObject({ lastEventSeq: 2, messageCount: 2 });
    expect(await trail(store, crashed._id)).toEqual(['1:created']);
    // An agent reading the case meanwhile sees the whole history.
    expect((await caseDetail({ store, scope: allTeamsScope(), caseId: crashed._id }))!.events.map((event) => event.seq)).toEqual([1, 2]);

    await ingest(store, [message('hello??', 'A', { threadId: first.threadId, minutesAgo: 1 })]);
    expect(await trail(store, crashed._id)).toEqual(['1:created', '2:message', '3:message']);
    expect(await onlyCase(store)).toMatchObject({ lastEventSeq: 3, messageCount: 3 });
  });

  it('leaves an opened case\'s events on it, and the repair sweep copies them and unstages them', async () => {
    const { store } = fresh;
    await expect(ingest(killedBeforeEventsCopy(store), [message('my parcel is late', 'A')])).rejects.toThrow('SIGKILL');
    const crashed = await onlyCase(store);
    expect(crashed).toMatchObject({ lastEventSeq: 1 });
    expect(await trail(store, crashed._id)).toEqual([]);
    // Too recent: its writer may still be copying them.
    expect(await repairStagedEvents(store, crashed.stagedAt!)).toBe(0);
    expect(await repairStagedEvents(store, new Date(crashed.stagedAt!.getTime() + 10_000))).toBe(1);
    expect(await trail(store, crashed._id)).toEqual(['1:created']);
    expect(await onlyCase(store)).toMatchObject({ lastEventSeq: 1, stagedEvents: [], stagedAt: null });
    // Repairing again finds nothing to do.
    expect(await repairStagedEvents(store, new Date(crashed.stagedAt!.getTime() + 20_000))).toBe(0);
  });

  it('loses neither an agent\'s change, a note nor an SLA breach, whichever is interrupted', async () => {
    const { store } = fresh;
    await ingest(store, [message('my parcel is late', 'A')]);
    const { _id: caseId } = await onlyCase(store);
    const killed = killedBeforeEventsCopy(store);
    await expect(addNote({ store: killed, scope: allTeamsScope(), author: ADMIN, caseId, text: 'checking with the carrier' })).rejects.toThrow('SIGKILL');
    await updateCase({ store, scope: allTeamsScope(), actor: ADMIN, caseId, changes: { priority: 'high' } });
    await expect(markSlaBreaches({ store: killed, now: LATER_THAN_ANY_TARGET })).rejects.toThrow('SIGKILL');
    await updateCase({ store, scope: allTeamsScope(), actor: ADMIN, caseId, changes: { status: 'open' } });
    await expect(addNote({ store: killed, scope: allTeamsScope(), author: ADMIN, caseId, text: 'sorted' })).rejects.toThrow('SIGKILL');
    await repairStagedEvents(store, new Date(Date.now() + 60_000));
    expect(await trail(store, caseId)).toEqual(['1:created', '2:note', '3:updated', '4:sla_breach', '5:updated', '6:note']);
    expect(await onlyCase(store)).toMatchObject({ lastEventSeq: 6, status: 'open', priority: 'urgent', stagedAt: null });
  });
});

describe('old data: events a killed writer numbered past the case\'s lastEventSeq (before events were staged)', () => {
  it('moves lastEventSeq up to the highest event at start-up, so the next write numbers after it', async () => {
    const { store } = fresh;
    const first = message('my parcel is late', 'A');
    await ingest(store, [first]);
    const { _id: caseId } = await onlyCase(store);
    // As the old writer left it: events 2 and 3 written, the case still at 1.
    await store.collections.caseEvents.insertMany([2, 3].map((seq) => ({ _id: caseEventId(caseId, seq), caseId, seq, type: 'message' as const, at: NOW, actor: { kind: 'connector' as const, id: 'x' }, data: {} })));
    await ingest(store, [message('untouched case', 'B')]);

    expect(await healCasesBehindTheirEvents(store)).toBe(1);
    expect(await onlyCaseOf(caseId)).toMatchObject({ lastEventSeq: 3 });
    await ingest(store, [message('any news?', 'A', { threadId: first.threadId, minutesAgo: 1 })]);
    expect(await trail(store, caseId)).toEqual(['1:created', '2:message', '3:message', '4:message']);
    for (const { seqs, expected } of await seqsOfEveryCase(store)) expect(seqs).toEqual(expected);
    // Healed once: nothing left to do.
    expect(await healCasesBehindTheirEvents(store)).toBe(0);
  });
});

async function onlyCaseOf(caseId: string) {
  return fresh.store.collections.cases.findOne(allTeamsScope(), { _id: caseId });
}

describe('writers of one case in two processes at once', () => {
  it('number its events 1…n without a gap or a repeat, whoever wins each race', async () => {
    const { store, place } = fresh;
    // The second process: its own store (connection, in-process locks) on the same database; the same store on the embedded backend (one process per data directory).
    const other = place.backend === 'mongodb' ? await openStore(place.storeOptions) : store;
    try {
      const first = message('my parcel is late', 'A');
      await ingest(store, [first]);
      const { _id: caseId } = await onlyCase(store);
      const later = (minutes: number) => message(`still waiting ${minutes}`, 'A', { threadId: first.threadId, minutesAgo: minutes });
      await Promise.all([
        ...[1, 2, 3].map((n) => addNote({ store, scope: allTeamsScope(), author: ADMIN, caseId, text: `note ${n}` })),
        ...[4, 5, 6].map((n) => addNote({ store: other, scope: allTeamsScope(), author: ADMIN, caseId, text: `note ${n}` })),
        ingest(store, [later(9), later(8)], LATER),
        ingest(other, [later(7)], LATER),
        updateCase({ store: other, scope: allTeamsScope(), actor: ADMIN, caseId, changes: { tags: ['late'] } }),
      ]);
      expect(await seqsOfEveryCase(store)).toEqual([{ seqs: Array.from({ length: 11 }, (_, at) => at + 1), expected: Array.from({ length: 11 }, (_, at) => at + 1) }]);
      expect(await onlyCase(store)).toMatchObject({ messageCount: 4, tags: ['late'] });
    } finally {
      if (other !== store) await other.close();
    }
  });
});
