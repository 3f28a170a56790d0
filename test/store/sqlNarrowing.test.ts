/**
 * What SQL narrows on the embedded backend (key columns from the schema's
 * indexes, equality, `$in`, `$ne`, ranges, sort, skip and limit) must find
 * exactly what mingo finds over every record, whatever was written; dotted
 * paths through sub-documents, multikey arrays and refused duplicates in a
 * batch behave as in MongoDB.
 */
import fc from 'fast-check';
import { Query } from 'mingo';
import { Schema } from 'mongoose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEmbeddedBackend } from '../../server/store/embedded/embeddedBackend.js';
import { indexPlan } from '../../server/store/embedded/indexColumns.js';
import { narrowFilter } from '../../server/store/embedded/sqlNarrowing.js';
import { allTeamsScope, openStore, type Filter, type SortSpec, type Store } from '../../server/store/index.js';
import { caseSchema } from '../../server/store/schemas/case.js';
import { newCase, newMessage, newUser } from './factories.js';

describe('SQL narrowing of filters', () => {
  const { columns } = indexPlan('cases', caseSchema);

  it('is exact for equality, $in, $ne and ranges of the column kind on indexed paths, inexact for anything else', () => {
    expect(narrowFilter({ team: 'care', status: { $in: ['new', null] } }, columns)).toEqual({
      where: '("team/string" = ?) AND ("status/string" IN (?) OR "status/string" IS NULL)',
      params: ['care', 'new'],
      exact: true,
    });
    expect(narrowFilter({ $and: [{ slaDueAt: { $lte: new Date(5) } }, { assignee: { $ne: null } }] }, columns)).toEqual({
      where: '(("slaDueAt/date" <= ?)) AND ((NOT coalesce("assignee/string" IS NULL, 0)))',
      params: [5],
      exact: true,
    });
    // A value of another kind (MongoDB's type bracketing), an operator SQL does not answer, a multikey or unindexed path: left to mingo.
    expect(narrowFilter({ team: 'care', slaDueAt: { $lte: '2026' } }, columns)).toMatchObject({ params: ['care'], exact: false });
    expect(narrowFilter({ team: { $regex: '^c' }, status: 'open' }, columns)).toMatchObject({ params: ['open'], exact: false });
    expect(narrowFilter({ tags: 'vip', preview: 'x' }, columns)).toEqual({ where: '', params: [], exact: false });
    expect(narrowFilter({ $or: [{ team: 'care' }] }, columns)).toEqual({ where: '', params: [], exact: false });
  });
});

describe('SQL narrowing against mingo over every record', () => {
  const teams = ['care', 'social', 'helpdesk'];
  const statuses = ['new', 'open', 'pending', 'resolved'] as const;
  const threads = ['t1', 't2', 't3', 't4'];
  const dates = [null, new Date(1_000), new Date(2_000), new Date(3_000)];
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), team: fc.constantFrom(...teams), thread: fc.constantFrom(...threads), status: fc.constantFrom(...statuses), due: fc.constantFrom(...dates) }),
    fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), team: fc.constantFrom(...teams), status: fc.constantFrom(...statuses), assignee: fc.constantFrom(null, 'ana', 'hugo'), due: fc.constantFrom(...dates) }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('reopen' as const) }),
  );
  const filters: Filter[] = [
    {},
    { team: 'care' },
    { team: { $in: ['care', 'social'] }, status: 'open' },
    { platform: 'x', threadId: { $in: ['t1', 't3'] } },
    { platform: 'x', threadId: 't2', status: { $in: ['new', 'open'] } },
    { assignee: 'ana' },
    { team: 'care', assignee: null },
    { assignee: { $ne: null } },
    { assignee: { $in: [null, 'hugo'] } },
    { status: { $ne: 'resolved' }, slaDueAt: { $lte: new Date(2_000) } },
    { slaDueAt: { $gt: new Date(1_000), $lt: new Date(3_500) } },
    { slaDueAt: null },
    { _id: { $in: ['a', 'b'] }, team: 'care' },
    { team: 'care', status: { $nin: ['resolved'] } },
    { $and: [{ team: 'social' }, { $or: [{ status: 'new' }, { assignee: 'ana' }] }] },
  ];
  const sorts: Array<{ sort: SortSpec; limit?: number; skip?: number }> = [
    { sort: { _id: 1 } },
    { sort: { slaDueAt: 1, _id: 1 }, limit: 3 },
    { sort: { team: 1, lastActivityAt: -1, _id: -1 }, skip: 1, limit: 2 },
    { sort: { assignee: -1, _id: 1 }, skip: 2 },
    { sort: { tags: 1, _id: 1 }, limit: 2 },
  ];

  async function sameAsMingo(store: Store): Promise<void> {
    const all = await store.collections.cases.find(allTeamsScope(), {});
    for (const filter of filters) {
      for (const { sort, skip, limit } of sorts) {
        const found = await store.collections.cases.find(allTeamsScope(), filter, { sort, skip, limit });
        const cursor = new Query(filter).find<(typeof all)[number]>(all).sort(sort).skip(skip ?? 0);
        const expected = (limit ? cursor.limit(limit) : cursor).all();
        expect(found, `${JSON.stringify(filter)} sorted ${JSON.stringify(sort)}`).toEqual(expected);
      }
      expect(await store.collections.cases.countDocuments(allTeamsScope(), filter)).toBe(new Query(filter).find(all).all().length);
    }
  }

  it('finds, sorts, pages and counts exactly what mingo does, whatever was written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 20 }), async (operations) => {
        const dataDir = await mkdtemp(join(tmpdir(), 'narrowing-'));
        let store = await openStore({ dataDir });
        try {
          for (const step of operations) {
            const ids = (await store.collections.cases.find(allTeamsScope(), {}, { fields: ['_id'] })).map((found) => found._id);
            if (step.kind === 'insert') await store.collections.cases.insertOne(allTeamsScope(), newCase({ team: step.team, threadId: step.thread, status: step.status, slaDueAt: step.due }));
            if (step.kind === 'update' && ids.length > 0) {
              await store.collections.cases.updateOne(allTeamsScope(), { _id: ids[step.pick % ids.length] }, { $set: { team: step.team, status: step.status, assignee: step.assignee, slaDueAt: step.due } });
            }
            if (step.kind === 'delete' && ids.length > 0) await store.collections.cases.deleteMany(allTeamsScope(), { _id: ids[step.pick % ids.length] });
            if (step.kind === 'reopen') {
              await store.close();
              store = await openStore({ dataDir });
            }
          }
          await sameAsMingo(store);
        } finally {
          await store.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 12 },
    );
  });

  it('follows dotted paths through sub-documents as MongoDB does', async () => {
    const sender = new Schema({ kind: String, id: String }, { _id: false });
    const delivery = new Schema({ status: String, sender: { type: sender } }, { _id: false });
    const schema = new Schema({ _id: String, platform: String, delivery: { type: delivery, default: null } });
    schema.index({ platform: 1, 'delivery.sender.id': 1 });
    schema.index({ 'delivery.status': 1 });
    const dataDir = await mkdtemp(join(tmpdir(), 'narrowing-'));
    const backend = await openEmbeddedBackend(dataDir);
    try {
      const collection = await backend.collection('replies', schema);
      await collection.insertMany([
        { _id: 'a', _rev: 0, platform: 'x', delivery: { status: 'queued', sender: { kind: 'system', id: 'bot' } } },
        { _id: 'b', _rev: 0, platform: 'x', delivery: { status: 'sent', sender: { kind: 'user', id: 'ana' } } },
        { _id: 'c', _rev: 0, platform: 'x', delivery: null },
        { _id: 'd', _rev: 0, platform: 'y', delivery: { status: 'queued', sender: { kind: 'system', id: 'bot' } } },
      ]);
      expect(await collection.replaceRevision('b', 0, { _id: 'b', _rev: 1, platform: 'x', delivery: { status: 'queued', sender: { kind: 'user', id: 'ana' } } })).toBe('replaced');
      expect(await collection.replaceRevision('b', 0, { _id: 'b', _rev: 1, platform: 'x', delivery: null })).toBe('stale');
      const ids = async (filter: Filter) => (await collection.find(filter, { sort: { _id: 1 } })).map((record) => record._id);
      expect(await ids({ platform: 'x', 'delivery.sender.id': 'bot' })).toEqual(['a']);
      expect(await ids({ 'delivery.status': { $in: ['queued'] } })).toEqual(['a', 'b', 'd']);
      expect(await ids({ 'delivery.status': null })).toEqual(['c']);
      expect(await ids({ platform: 'x', 'delivery.sender.id': { $in: ['bot', 'ana'] }, 'delivery.sender.kind': 'user' })).toEqual(['b']);
    } finally {
      await backend.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('stores the rest of a batch around a refused duplicate, and matches multikey arrays', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'narrowing-'));
    const store = await openStore({ dataDir });
    try {
      await store.collections.messages.insertOne(newMessage({ externalId: 'taken' }));
      const results = await store.collections.messages.insertMany([newMessage({ externalId: 'n1', threadId: 'th' }), newMessage({ externalId: 'taken', threadId: 'th' }), newMessage({ externalId: 'n2', threadId: 'th' })]);
      expect(results.map((result) => result.status)).toEqual(['inserted', 'duplicate', 'inserted']);
      const byThread = await store.collections.messages.find({ platform: 'x', threadId: 'th' });
      expect(byThread.map((message) => message.externalId).sort()).toEqual(['n1', 'n2']);
      expect(await store.collections.messages.find({ platform: 'x', externalId: { $in: ['n1', 'taken', 'n2', 'none'] } }, { fields: ['externalId'] })).toHaveLength(3);
      await store.collections.users.insertMany([newUser({ teams: ['care', 'social'] }), newUser({ teams: ['social'] })]);
      expect(await store.collections.users.countDocuments({ teams: 'social' })).toBe(2);
      expect(await store.collections.users.countDocuments({ teams: { $in: ['care', 'helpdesk'] } })).toBe(1);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
