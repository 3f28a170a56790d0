/**
 * The start-up heal of cases numbered behind their events runs once per data
 * set: a checkpoint written after a full pass makes later starts skip the
 * scan; a pass cut short runs again. Runs on the embedded store and
 * (mongodb project) on FerretDB / MongoDB.
 */
import { describe, expect, it, vi } from 'vitest';
import { caseEventId } from '../../server/cases/caseHistory.js';
import { healCasesBehindTheirEventsOnce, logStartupHeal } from '../../server/cases/healCasesBehindTheirEvents.js';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import { allTeamsScope, openStore, type Store } from '../../server/store/index.js';
import { useFreshStore } from '../support/testStore.js';
import { BRAND_ID, NOW, activeRules, message } from './ingestFixture.js';

const MARKER = { connector: 'migrations', stream: 'case-seq-heal' };

const fresh = useFreshStore('heal_once');

/** A case as a writer killed before events were staged on the case left it: its events `seqs` written, the case still at 1. */
async function caseBehindItsEvents(text: string, seqs: number[]): Promise<string> {
  const { store } = fresh;
  const { cases } = await ingestMessages({ store, rules: activeRules(), brandAccounts: new Set([`x:${BRAND_ID}`]), messages: [message(text, 'A')], now: NOW });
  const caseId = cases[0]!._id;
  await store.collections.caseEvents.insertMany(seqs.map((seq) => ({ _id: caseEventId(caseId, seq), caseId, seq, type: 'message' as const, at: NOW, actor: { kind: 'connector' as const, id: 'x' }, data: {} })));
  return caseId;
}

async function lastEventSeqOf(caseId: string): Promise<number | undefined> {
  return (await fresh.store.collections.cases.findOne(allTeamsScope(), { _id: caseId }))?.lastEventSeq;
}

describe('the start-up heal of cases behind their events, once per data set', () => {
  it('heals at the first start and records that it completed', async () => {
    const caseId = await caseBehindItsEvents('my parcel is late', [2, 3]);
    expect(await fresh.store.collections.checkpoints.findOne(MARKER)).toBeNull();

    expect(await healCasesBehindTheirEventsOnce(await fresh.reopen())).toEqual({ ran: true, healed: 1 });
    expect(await lastEventSeqOf(caseId)).toBe(3);
    expect((await fresh.store.collections.checkpoints.findOne(MARKER))?.updatedAt).toBeInstanceOf(Date);
  });

  it('does not scan at a later start: a case behind its events since is left as it is', async () => {
    expect(await healCasesBehindTheirEventsOnce(fresh.store)).toEqual({ ran: true, healed: 0 });
    const completedAt = (await fresh.store.collections.checkpoints.findOne(MARKER))!.updatedAt;
    const caseId = await caseBehindItsEvents('my parcel is late', [2]);

    const restarted = await fresh.reopen();
    const caseReads = vi.spyOn(restarted.collections.cases, 'find');
    // caseEvents is frozen (append-only): a copy whose reads are counted.
    const eventReads = vi.fn(restarted.collections.caseEvents.find);
    const counted: Store = { ...restarted, collections: { ...restarted.collections, caseEvents: { ...restarted.collections.caseEvents, find: eventReads } } };
    expect(await healCasesBehindTheirEventsOnce(counted)).toEqual({ ran: false, completedAt });
    expect(caseReads).not.toHaveBeenCalled();
    expect(eventReads).not.toHaveBeenCalled();
    expect(await lastEventSeqOf(caseId)).toBe(1);
  });

  it('runs again at the next start after a pass cut short, which wrote no marker', async () => {
    const caseId = await caseBehindItsEvents('my parcel is late', [2, 3]);
    vi.spyOn(fresh.store.collections.cases, 'updateEach').mockRejectedValueOnce(new Error('SIGKILL'));
    await expect(healCasesBehindTheirEventsOnce(fresh.store)).rejects.toThrow('SIGKILL');
    expect(await fresh.store.collections.checkpoints.findOne(MARKER)).toBeNull();
    expect(await lastEventSeqOf(caseId)).toBe(1);

    expect(await healCasesBehindTheirEventsOnce(await fresh.reopen())).toEqual({ ran: true, healed: 1 });
    expect(await lastEventSeqOf(caseId)).toBe(3);
    expect(await fresh.store.collections.checkpoints.findOne(MARKER)).not.toBeNull();
  });

  it('looks again at a case written during the pass (its compare-and-set refused), so none is left behind when the marker is written', async () => {
    const { store } = fresh;
    const caseId = await caseBehindItsEvents('my parcel is late', [2, 3, 4]);
    const cases = store.collections.cases;
    const updateEach = cases.updateEach.bind(cases);
    // Another process writes the case between the heal's read and its compare-and-set: still behind (events 3 and 4) after it.
    vi.spyOn(cases, 'updateEach').mockImplementationOnce(async (scope, updates) => {
      await cases.updateOne(allTeamsScope(), { _id: caseId }, { $inc: { lastEventSeq: 1 } });
      return updateEach(scope, updates);
    });
    expect(await healCasesBehindTheirEventsOnce(store)).toEqual({ ran: true, healed: 1 });
    expect(await lastEventSeqOf(caseId)).toBe(4);
  });

  it('heals each case once when two processes start at once, both making the pass', async () => {
    const { store, place } = fresh;
    // The second process: its own store on the same database; the same store on the embedded backend (one process per data directory).
    const other = place.backend === 'mongodb' ? await openStore(place.storeOptions) : store;
    try {
      const caseId = await caseBehindItsEvents('my parcel is late', [2, 3]);
      const [first, second] = await Promise.all([healCasesBehindTheirEventsOnce(store), healCasesBehindTheirEventsOnce(other)]);
      expect([first, second].map((heal) => (heal.ran ? heal.healed : 0)).sort()).toEqual([0, 1]);
      expect(await lastEventSeqOf(caseId)).toBe(3);
      expect(await store.collections.checkpoints.countDocuments(MARKER)).toBe(1);
    } finally {
      if (other !== store) await other.close();
    }
  });
});

describe('the start-up log line', () => {
  it('says the heal was skipped and since when, or how many cases it healed', () => {
    const log = { info: vi.fn(), warn: vi.fn() };
    logStartupHeal(log, { ran: false, completedAt: NOW });
    expect(log.info).toHaveBeenCalledWith({ completedAt: NOW }, expect.stringContaining('completed for this data set on 2026-11-20T15:00:00.000Z'));
    logStartupHeal(log, { ran: true, healed: 2 });
    expect(log.warn).toHaveBeenCalledWith({ cases: 2 }, expect.stringContaining('healed 2 cases'));
  });
});
