/** Contract: insert, find (filter, sort, skip, limit, fields), count, delete. */
import { describe, expect, it } from 'vitest';
import { allTeamsScope } from '../../../server/store/index.js';
import { useFreshStore, type BackendUnderTest } from '../backends.js';
import { inserted, newCase, newMessage, newUser } from '../factories.js';

export function crudContract(backend: BackendUnderTest): void {
  describe('insert and find', () => {
    const fresh = useFreshStore(backend);

    it('applies the schema defaults and returns the stored document', async () => {
      const stored = inserted(await fresh.store.collections.cases.insertOne(allTeamsScope(), newCase({ threadId: 't1' })));
      expect(stored).toMatchObject({ status: 'new', priority: 'normal', tags: [], assignee: null, version: 1, escalations: 0, threadId: 't1' });
      expect(stored._id).toMatch(/^[0-9a-f]{24}$/);
      expect(stored.createdAt).toBeInstanceOf(Date);
      expect(stored).not.toHaveProperty('_rev');
      const found = await fresh.store.collections.cases.findOne(allTeamsScope(), { _id: stored._id });
      expect(found).toEqual(stored);
    });

    it('filters, sorts, skips, limits and projects', async () => {
      const { messages } = fresh.store.collections;
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 14, minute));
      await messages.insertMany([0, 1, 2, 3, 4, 5].map((minute) => newMessage({ externalId: `m${minute}`, createdAt: at(minute), channel: minute % 2 ? 'dm' : 'public' })));
      const page = await messages.find({ channel: 'public' }, { sort: { createdAt: -1 }, skip: 1, limit: 2, fields: ['externalId'] });
      expect(page).toEqual([expect.objectContaining({ externalId: 'm2' }), expect.objectContaining({ externalId: 'm0' })]);
      expect(Object.keys(page[0]!).sort()).toEqual(['_id', 'externalId']);
      const between = await messages.find({ createdAt: { $gte: at(2), $lt: at(5) } }, { sort: { createdAt: 1 } });
      expect(between.map((message) => message.externalId)).toEqual(['m2', 'm3', 'm4']);
      expect(await messages.countDocuments({ channel: 'dm' })).toBe(3);
      expect(await messages.findOne({ externalId: 'nope' })).toBeNull();
    });

    it('understands Mongo operators: $in, $nin, $exists, $or, $elemMatch, dotted paths, array equality', async () => {
      const { users } = fresh.store.collections;
      await users.insertMany([
        newUser({ username: 'ana', teams: ['care', 'social'] }),
        newUser({ username: 'hugo', teams: ['helpdesk'], displayName: 'Hugo' }),
        newUser({ username: 'mia', role: 'marketing', teams: [] }),
      ]);
      const names = async (filter: Record<string, unknown>) => (await users.find(filter, { sort: { username: 1 } })).map((user) => user.username);
      expect(await names({ teams: 'care' })).toEqual(['ana']);
      expect(await names({ teams: { $in: ['social', 'helpdesk'] } })).toEqual(['ana', 'hugo']);
      expect(await names({ role: { $nin: ['agent'] } })).toEqual(['mia']);
      expect(await names({ teams: { $size: 0 } })).toEqual(['mia']);
      expect(await names({ $or: [{ username: 'mia' }, { displayName: 'Hugo' }] })).toEqual(['hugo', 'mia']);
      expect(await names({ displayName: null })).toEqual(['ana', 'mia']);
      expect(await names({ teams: { $elemMatch: { $eq: 'helpdesk' } } })).toEqual(['hugo']);
      expect(await names({ username: { $regex: '^(a|m)' } })).toEqual(['ana', 'mia']);
      const { cases } = fresh.store.collections;
      await cases.insertOne(allTeamsScope(), newCase({ customer: { id: '7', handle: 'bob' } }));
      expect(await cases.countDocuments(allTeamsScope(), { 'customer.handle': 'bob' })).toBe(1);
    });

    it('orders ties by _id, so consecutive pages neither overlap nor skip', async () => {
      const { messages } = fresh.store.collections;
      const same = new Date('2026-11-20T14:00:00Z');
      await messages.insertMany(Array.from({ length: 7 }, (_, index) => newMessage({ externalId: `t${index}`, createdAt: same })));
      const all = await messages.find({}, { sort: { createdAt: 1 } });
      const pages = [...(await messages.find({}, { sort: { createdAt: 1 }, limit: 3 })), ...(await messages.find({}, { sort: { createdAt: 1 }, skip: 3, limit: 3 })), ...(await messages.find({}, { sort: { createdAt: 1 }, skip: 6 }))];
      expect(pages.map((message) => message._id)).toEqual(all.map((message) => message._id));
      expect([...all.map((message) => message._id)].sort()).toEqual(all.map((message) => message._id));
    });

    it('deletes matching documents and counts them', async () => {
      const { messages } = fresh.store.collections;
      await messages.insertMany([newMessage({ platform: 'x' }), newMessage({ platform: 'x' }), newMessage({ platform: 'mastodon' })]);
      expect(await messages.deleteMany({ platform: 'x' })).toBe(2);
      expect(await messages.countDocuments({})).toBe(1);
      expect(await messages.deleteMany({ platform: 'x' })).toBe(0);
    });
  });
}
