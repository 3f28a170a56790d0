/** Contract: data, indexes and validation survive closing and reopening the store. */
import { describe, expect, it } from 'vitest';
import { allTeamsScope } from '../../../server/store/index.js';
import { useFreshStore, type BackendUnderTest } from '../backends.js';
import { inserted, newCase, newMessage, newUser } from '../factories.js';

export function persistenceContract(backend: BackendUnderTest): void {
  describe('reopening', () => {
    const fresh = useFreshStore(backend);

    it('keeps inserted, updated and deleted state, and still enforces the unique indexes', async () => {
      const { messages, cases, users } = fresh.store.collections;
      const kept = inserted(await messages.insertOne(newMessage({ externalId: 'kept' })));
      const gone = inserted(await messages.insertOne(newMessage({ externalId: 'gone' })));
      await messages.deleteMany({ _id: gone._id });
      const opened = inserted(await cases.insertOne(allTeamsScope(), newCase()));
      await cases.updateOne(allTeamsScope(), { _id: opened._id }, { $set: { status: 'open' }, $inc: { version: 1 } });
      inserted(await users.insertOne(newUser({ username: 'ana' })));

      const reopened = await fresh.reopen();
      expect(reopened.backend).toBe(backend.name);
      expect(await reopened.collections.messages.find({})).toEqual([kept]);
      expect(await reopened.collections.cases.findOne(allTeamsScope(), { _id: opened._id })).toMatchObject({ status: 'open', version: 2 });
      expect((await reopened.collections.messages.insertOne(newMessage({ externalId: 'kept' }))).status).toBe('duplicate');
      expect((await reopened.collections.users.insertOne(newUser({ username: 'ana' }))).status).toBe('duplicate');
      await expect(reopened.collections.cases.updateOne(allTeamsScope(), { _id: opened._id }, { $set: { tier: 7 as 1 } })).rejects.toThrow(/tier/);
    });

    it('says where the data lives', async () => {
      expect(fresh.store.location).toBeTruthy();
      if (backend.name === 'mongodb') expect(fresh.store.location).not.toMatch(/:[^/@]*@/);
    });
  });
}
