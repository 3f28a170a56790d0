/**
 * The embedded backend's equality indexes: prefixes of the schema's indexes,
 * typed keys, multikey arrays, and staying in step with nedb through inserts,
 * refused duplicates (rolled back), updates, deletes and reopening. A filter
 * the indexes narrow must find exactly what a full scan finds.
 */
import fc from 'fast-check';
import { Schema } from 'mongoose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EqualityIndexes, indexPrefixes } from '../../server/store/embedded/equalityIndexes.js';
import { openNedbCollection } from '../../server/store/embedded/openNedbCollection.js';
import { allTeamsScope, openStore, type Filter, type Store } from '../../server/store/index.js';
import { newCase, newMessage, newUser } from './factories.js';

describe('EqualityIndexes', () => {
  it('keeps every prefix of the schema indexes, up to the first date, _id or path that could cross an array', () => {
    const item = new Schema({ id: String }, { _id: false });
    const schema = new Schema({ team: String, status: String, at: Date, threadId: String, customer: { id: String }, delivery: { type: item }, items: [item], data: Schema.Types.Mixed });
    schema.index({ team: 1, status: 1, at: -1, threadId: 1 });
    schema.index({ status: 1, _id: 1 });
    schema.index({ threadId: 1 }, { unique: true });
    schema.index({ 'customer.id': 1, 'delivery.id': 1 });
    schema.index({ 'items.id': 1 });
    schema.index({ 'data.id': 1 });
    expect(indexPrefixes(schema)).toEqual([['team'], ['team', 'status'], ['status'], ['threadId'], ['customer.id'], ['customer.id', 'delivery.id']]);
  });

  it('looks up by the narrowest prefix, with typed keys, $in lists and multikey arrays', () => {
    const indexes = new EqualityIndexes([['kind'], ['kind', 'n'], ['tags'], ['sub.id']]);
    const a = { _id: 'a', kind: 'x', n: 1, tags: ['p', 'q'], sub: { id: 's' } };
    const b = { _id: 'b', kind: 'x', n: '1', tags: ['q'], sub: null };
    const c = { _id: 'c', kind: 'y', n: 1, tags: 'p' };
    [a, b, c].forEach((record) => indexes.add(record));
    expect(indexes.lookup(new Map([['kind', 'x']]))).toEqual({ records: [a, b], fields: ['kind'] });
    expect(indexes.lookup(new Map<string, string | number>([['kind', 'x'], ['n', 1]]))).toEqual({ records: [a], fields: ['kind', 'n'] });
    expect(indexes.lookup(new Map<string, string | number[]>([['kind', 'x'], ['n', [1, 2]]]))?.records).toEqual([a]);
    expect(indexes.lookup(new Map([['tags', ['p', 'q']]]))?.records.sort((x, y) => x._id.localeCompare(y._id))).toEqual([a, b, c]);
    expect(indexes.lookup(new Map([['kind', 'z']]))).toEqual({ records: [], fields: ['kind'] });
    expect(indexes.lookup(new Map([['n', 1]]))).toBeUndefined();
    expect(indexes.lookup(new Map([['sub.id', 's']]))?.records).toEqual([a]);
    indexes.remove(a);
    expect(indexes.lookup(new Map([['tags', 'p']]))?.records).toEqual([c]);
    expect(indexes.lookup(new Map([['tags', 'q']]))?.records).toEqual([b]);
    indexes.remove(b);
    expect(indexes.lookup(new Map([['kind', 'x']]))?.records).toEqual([]);
    indexes.add(b);
    indexes.add(b);
    expect(indexes.lookup(new Map([['tags', ['p', 'q']]]))?.records).toEqual([c, b]);
  });
});

describe('equality indexes in step with nedb', () => {
  const teams = ['care', 'social', 'helpdesk'];
  const statuses = ['new', 'open', 'pending', 'resolved'] as const;
  const threads = ['t1', 't2', 't3', 't4'];
  const operation = fc.oneof(
    fc.record({ kind: fc.constant('insert' as const), team: fc.constantFrom(...teams), thread: fc.constantFrom(...threads), status: fc.constantFrom(...statuses) }),
    fc.record({ kind: fc.constant('update' as const), pick: fc.nat(), team: fc.constantFrom(...teams), status: fc.constantFrom(...statuses), assignee: fc.constantFrom(null, 'ana', 'hugo') }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('reopen' as const) }),
  );
  const filters: Filter[] = [
    { team: 'care' },
    { team: { $in: ['care', 'social'] }, status: 'open' },
    { platform: 'x', threadId: { $in: ['t1', 't3'] } },
    { platform: 'x', threadId: 't2', status: { $in: ['new', 'open'] } },
    { assignee: 'ana' },
    { status: 'resolved', team: 'helpdesk' },
    { team: 'care', assignee: null },
    { _id: { $in: ['a', 'b'] }, team: 'care' },
  ];

  async function sameAsFullScan(store: Store): Promise<void> {
    for (const filter of filters) {
      const narrowed = await store.collections.cases.find(allTeamsScope(), filter);
      // `$and` is never narrowed by an index: every record is tested.
      const scanned = await store.collections.cases.find(allTeamsScope(), { $and: [filter] });
      expect(narrowed, JSON.stringify(filter)).toEqual(scanned);
    }
  }

  it('finds through the indexes exactly what a full scan finds, whatever was written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (operations) => {
        const dataDir = await mkdtemp(join(tmpdir(), 'equality-'));
        let store = await openStore({ dataDir });
        try {
          for (const step of operations) {
            const ids = (await store.collections.cases.find(allTeamsScope(), {}, { fields: ['_id'] })).map((found) => found._id);
            if (step.kind === 'insert') await store.collections.cases.insertOne(allTeamsScope(), newCase({ team: step.team, threadId: step.thread, status: step.status }));
            if (step.kind === 'update' && ids.length > 0) {
              await store.collections.cases.updateOne(allTeamsScope(), { _id: ids[step.pick % ids.length] }, { $set: { team: step.team, status: step.status, assignee: step.assignee } });
            }
            if (step.kind === 'delete' && ids.length > 0) await store.collections.cases.deleteMany(allTeamsScope(), { _id: ids[step.pick % ids.length] });
            if (step.kind === 'reopen') {
              await store.close();
              store = await openStore({ dataDir });
            }
            await sameAsFullScan(store);
          }
        } finally {
          await store.close();
          await rm(dataDir, { recursive: true, force: true });
        }
      }),
      { numRuns: 15 },
    );
  });

  it('follows dotted paths through sub-documents as MongoDB does', async () => {
    const sender = new Schema({ kind: String, id: String }, { _id: false });
    const delivery = new Schema({ status: String, sender: { type: sender } }, { _id: false });
    const schema = new Schema({ _id: String, platform: String, delivery: { type: delivery, default: null } });
    schema.index({ platform: 1, 'delivery.sender.id': 1 });
    schema.index({ 'delivery.status': 1 });
    const dataDir = await mkdtemp(join(tmpdir(), 'equality-'));
    const collection = await openNedbCollection(join(dataDir, 'replies.db'), 'replies', schema);
    try {
      await collection.insertMany([
        { _id: 'a', _rev: 0, platform: 'x', delivery: { status: 'queued', sender: { kind: 'system', id: 'bot' } } },
        { _id: 'b', _rev: 0, platform: 'x', delivery: { status: 'sent', sender: { kind: 'user', id: 'ana' } } },
        { _id: 'c', _rev: 0, platform: 'x', delivery: null },
        { _id: 'd', _rev: 0, platform: 'y', delivery: { status: 'queued', sender: { kind: 'system', id: 'bot' } } },
      ]);
      expect(await collection.replaceRevision('b', 0, { _id: 'b', _rev: 1, platform: 'x', delivery: { status: 'queued', sender: { kind: 'user', id: 'ana' } } })).toBe('replaced');
      const ids = async (filter: Filter) => (await collection.find(filter, { sort: { _id: 1 } })).map((record) => record._id);
      expect(await ids({ platform: 'x', 'delivery.sender.id': 'bot' })).toEqual(['a']);
      expect(await ids({ 'delivery.status': { $in: ['queued'] } })).toEqual(['a', 'b', 'd']);
      expect(await ids({ platform: 'x', 'delivery.sender.id': { $in: ['bot', 'ana'] }, 'delivery.sender.kind': 'user' })).toEqual(['b']);
    } finally {
      await collection.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('forgets the records of a batch nedb refused as a whole (a duplicate rolls the batch back)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'equality-'));
    const store = await openStore({ dataDir });
    try {
      await store.collections.messages.insertOne(newMessage({ externalId: 'taken' }));
      const results = await store.collections.messages.insertMany([newMessage({ externalId: 'n1', threadId: 'th' }), newMessage({ externalId: 'taken', threadId: 'th' }), newMessage({ externalId: 'n2', threadId: 'th' })]);
      expect(results.map((result) => result.status)).toEqual(['inserted', 'duplicate', 'inserted']);
      const byThread = await store.collections.messages.find({ platform: 'x', threadId: 'th' });
      expect(byThread.map((message) => message.externalId).sort()).toEqual(['n1', 'n2']);
      expect(await store.collections.messages.find({ platform: 'x', externalId: { $in: ['n1', 'taken', 'n2', 'none'] } }, { fields: ['externalId'] })).toHaveLength(3);
      // Multikey: users by one of their teams.
      await store.collections.users.insertMany([newUser({ teams: ['care', 'social'] }), newUser({ teams: ['social'] })]);
      expect(await store.collections.users.countDocuments({ teams: 'social' })).toBe(2);
      expect(await store.collections.users.countDocuments({ teams: { $in: ['care', 'helpdesk'] } })).toBe(1);
    } finally {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
