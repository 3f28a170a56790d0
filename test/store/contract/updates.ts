/** Contract: update operators, optimistic concurrency, concurrent writers, upserts. */
import { describe, expect, it } from 'vitest';
import { allTeamsScope, StoreValidationError, teamsScope } from '../../../server/store/index.js';
import { useFreshStore, type BackendUnderTest } from '../backends.js';
import { inserted, newCase } from '../factories.js';

export function updatesContract(backend: BackendUnderTest): void {
  describe('updates', () => {
    const fresh = useFreshStore(backend);
    const scope = allTeamsScope();

    it('applies $set, $inc, $push ($each), $addToSet, $pull and $unset', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase({ tags: ['a'], slaDueAt: new Date('2026-11-20T15:00:00Z') })));
      const after = await cases.findOneAndUpdate(scope, { _id: opened._id }, {
        $set: { status: 'open', 'customer.name': 'Jane' },
        $inc: { messageCount: 2, version: 1 },
        $push: { tags: { $each: ['b', 'c'] } },
        $unset: { slaDueAt: '' },
      });
      // $unset of a path with a schema default stores the default (the whole new document is validated and defaulted).
      expect(after).toMatchObject({ status: 'open', customer: { id: '42', name: 'Jane' }, messageCount: 2, version: 2, tags: ['a', 'b', 'c'], slaDueAt: null });
      const withoutName = await cases.findOneAndUpdate(scope, { _id: opened._id }, { $unset: { 'customer.name': '' } });
      expect(withoutName!.customer).toEqual({ id: '42', handle: 'jane' });
      await cases.updateOne(scope, { _id: opened._id }, { $addToSet: { tags: 'a' } });
      await cases.updateOne(scope, { _id: opened._id }, { $addToSet: { tags: 'd' } });
      await cases.updateOne(scope, { _id: opened._id }, { $pull: { tags: 'b' } });
      expect((await cases.findOne(scope, { _id: opened._id }))!.tags).toEqual(['a', 'c', 'd']);
      // Two operators on one path conflict, as in MongoDB.
      await expect(cases.updateOne(scope, { _id: opened._id }, { $addToSet: { tags: 'e' }, $pull: { tags: 'a' } })).rejects.toThrow(/conflict at 'tags'/);
    });

    it('says whether it matched and modified; an update that changes nothing writes nothing', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase()));
      expect(await cases.updateOne(scope, { _id: 'missing' }, { $set: { status: 'open' } })).toEqual({ matched: false, modified: false });
      expect(await cases.updateOne(scope, { _id: opened._id }, { $set: { status: 'new' } })).toEqual({ matched: true, modified: false });
      expect((await cases.findOne(scope, { _id: opened._id }))!.updatedAt).toEqual(opened.updatedAt);
      expect(await cases.updateOne(scope, { _id: opened._id }, { $set: { status: 'open' } })).toEqual({ matched: true, modified: true });
      expect((await cases.findOne(scope, { _id: opened._id }))!.updatedAt.getTime()).toBeGreaterThanOrEqual(opened.updatedAt.getTime());
    });

    it('optimistic concurrency: an update carrying a stale version changes nothing', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase()));
      const bump = (version: number, status: 'open' | 'pending') => cases.updateOne(scope, { _id: opened._id, version }, { $set: { status }, $inc: { version: 1 } });
      expect(await bump(1, 'open')).toEqual({ matched: true, modified: true });
      expect(await bump(1, 'pending')).toEqual({ matched: false, modified: false });
      expect(await cases.findOne(scope, { _id: opened._id })).toMatchObject({ status: 'open', version: 2 });
    });

    it('loses no increment when many writers update one document at once', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase()));
      await Promise.all(Array.from({ length: 25 }, () => cases.updateOne(scope, { _id: opened._id }, { $inc: { lastEventSeq: 1 } })));
      expect((await cases.findOne(scope, { _id: opened._id }))!.lastEventSeq).toBe(25);
    });

    it('lets exactly one of several writers with the same version win', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase()));
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((assignee) => cases.updateOne(scope, { _id: opened._id, version: 1 }, { $set: { assignee }, $inc: { version: 1 } })));
      expect(results.filter((result) => result.matched)).toHaveLength(1);
      expect((await cases.findOne(scope, { _id: opened._id }))!.version).toBe(2);
    });

    it('returns the document before or after the update', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase()));
      const before = await cases.findOneAndUpdate(scope, { _id: opened._id }, { $set: { priority: 'high' } }, { returnDocument: 'before' });
      expect(before!.priority).toBe('normal');
      expect(await cases.findOneAndUpdate(scope, { _id: 'missing' }, { $set: { priority: 'high' } })).toBeNull();
    });

    it('updates only cases of the scope, but may move one to another team', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase({ team: 'care' })));
      expect(await cases.updateOne(teamsScope(['helpdesk']), { _id: opened._id }, { $set: { status: 'open' } })).toEqual({ matched: false, modified: false });
      expect(await cases.updateOne(teamsScope(['care']), { _id: opened._id }, { $set: { team: 'helpdesk', tier: 2 }, $inc: { escalations: 1 } })).toMatchObject({ matched: true });
      expect(await cases.findOne(teamsScope(['care']), { _id: opened._id })).toBeNull();
      expect(await cases.findOne(teamsScope(['helpdesk']), { _id: opened._id })).toMatchObject({ team: 'helpdesk', tier: 2, escalations: 1 });
    });

    it('updates several documents by id in one call: one result each, scoped, repeated ids in order', async () => {
      const { cases } = fresh.store.collections;
      const [a, b, c] = await Promise.all(['care', 'care', 'helpdesk'].map(async (team) => inserted(await cases.insertOne(scope, newCase({ team })))));
      const results = await cases.updateEach(teamsScope(['care']), [
        { _id: a!._id, update: { $set: { status: 'open' }, $inc: { messageCount: 2 } } },
        { _id: 'missing', update: { $set: { status: 'open' } } },
        { _id: b!._id, update: { $set: { status: 'new' } } },
        { _id: c!._id, update: { $set: { status: 'open' } } },
        { _id: a!._id, update: { $inc: { messageCount: 1 } } },
      ]);
      expect(results.map(({ matched, modified }) => ({ matched, modified }))).toEqual([
        { matched: true, modified: true },
        { matched: false, modified: false },
        { matched: true, modified: false },
        { matched: false, modified: false },
        { matched: true, modified: true },
      ]);
      // Each result carries the document as that update left it (null when nothing matched).
      expect(results.map((result) => result.document && { status: result.document.status, messageCount: result.document.messageCount })).toEqual([
        { status: 'open', messageCount: 2 }, null, { status: 'new', messageCount: 0 }, null, { status: 'open', messageCount: 3 },
      ]);
      expect(await cases.findOne(scope, { _id: a!._id })).toMatchObject({ status: 'open', messageCount: 3 });
      expect(await cases.findOne(scope, { _id: c!._id })).toMatchObject({ status: 'new' });
      await expect(cases.updateEach(scope, [{ _id: a!._id, update: { $set: { status: 'nonsense' as 'open' } } }])).rejects.toBeInstanceOf(StoreValidationError);
      // Nothing to write at all: every update missing or changing nothing.
      const idle = await cases.updateEach(scope, [{ _id: 'missing', update: { $set: { status: 'open' } } }, { _id: b!._id, update: { $set: { status: 'new' } } }]);
      expect(idle.map(({ matched, modified }) => ({ matched, modified }))).toEqual([{ matched: false, modified: false }, { matched: true, modified: false }]);
    });

    it('loses no increment when updateEach and single updates write the same documents at once', async () => {
      const { cases } = fresh.store.collections;
      const opened = await Promise.all(Array.from({ length: 5 }, async () => inserted(await cases.insertOne(scope, newCase()))));
      const bump = { $inc: { lastEventSeq: 1 } };
      await Promise.all([
        ...Array.from({ length: 4 }, () => cases.updateEach(scope, opened.map((doc) => ({ _id: doc._id, update: bump })))),
        ...opened.flatMap((doc) => Array.from({ length: 3 }, () => cases.updateOne(scope, { _id: doc._id }, bump))),
      ]);
      for (const doc of opened) expect((await cases.findOne(scope, { _id: doc._id }))!.lastEventSeq).toBe(7);
    });

    it('upserts: inserts from the filter and the update, then updates; concurrent upserts make one document', async () => {
      const { checkpoints } = fresh.store.collections;
      const first = await checkpoints.upsertOne({ connector: 'x', stream: 'mentions' }, { $set: { newestId: '10' } });
      expect(first).toMatchObject({ upserted: true, document: { connector: 'x', stream: 'mentions', newestId: '10', run: null } });
      const second = await checkpoints.upsertOne({ connector: 'x', stream: 'mentions' }, { $set: { newestId: '11', run: { nextToken: 'p2' } } });
      expect(second).toMatchObject({ upserted: false, document: { _id: first.document._id, newestId: '11', run: { nextToken: 'p2' } } });
      await Promise.all(Array.from({ length: 8 }, (_, index) => checkpoints.upsertOne({ connector: 'x', stream: 'dms' }, { $set: { newestId: String(index) } })));
      expect(await checkpoints.countDocuments({ stream: 'dms' })).toBe(1);
    });
  });
}
