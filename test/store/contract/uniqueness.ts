/** Contract: unique indexes (single and compound) and idempotent ingestion. */
import { describe, expect, it } from 'vitest';
import { DuplicateKeyError, fromMessageDocument, toMessageDocument } from '../../../server/store/index.js';
import type { Message } from '../../../server/routing/index.js';
import { useFreshStore, type BackendUnderTest } from '../backends.js';
import { inserted, newCaseEvent, newMessage, newTeam, newUser } from '../factories.js';

export function uniquenessContract(backend: BackendUnderTest): void {
  describe('unique indexes and idempotent ingestion', () => {
    const fresh = useFreshStore(backend);

    it('reports a duplicate on a single-field unique index as a result naming the index and the holder', async () => {
      const { users } = fresh.store.collections;
      const first = inserted(await users.insertOne(newUser({ username: 'ana' })));
      const again = await users.insertOne(newUser({ username: 'ANA' }));
      expect(again).toEqual({ status: 'duplicate', duplicate: { collection: 'users', fields: ['username'], key: { username: 'ana' }, existingId: first._id } });
      expect(await users.countDocuments({})).toBe(1);
    });

    it('reports a duplicate on a compound unique index, and only when every field collides', async () => {
      const { caseEvents } = fresh.store.collections;
      const first = inserted(await caseEvents.insertOne(newCaseEvent({ caseId: 'c1', seq: 1 })));
      inserted(await caseEvents.insertOne(newCaseEvent({ caseId: 'c1', seq: 2 })));
      inserted(await caseEvents.insertOne(newCaseEvent({ caseId: 'c2', seq: 1 })));
      const clash = await caseEvents.insertOne(newCaseEvent({ caseId: 'c1', seq: 1, type: 'message' }));
      expect(clash).toEqual({ status: 'duplicate', duplicate: { collection: 'caseEvents', fields: ['caseId', 'seq'], key: { caseId: 'c1', seq: 1 }, existingId: first._id } });
    });

    it('reports a duplicate _id', async () => {
      const { teams } = fresh.store.collections;
      inserted(await teams.insertOne(newTeam({ _id: 'fixed', name: 'care' })));
      const again = await teams.insertOne(newTeam({ _id: 'fixed', name: 'social' }));
      expect(again).toMatchObject({ status: 'duplicate', duplicate: { fields: ['_id'], existingId: 'fixed' } });
    });

    it('inserts many with per-item results (ordered: false), including duplicates inside the batch', async () => {
      const { messages } = fresh.store.collections;
      inserted(await messages.insertOne(newMessage({ externalId: 'a' })));
      const results = await messages.insertMany([newMessage({ externalId: 'b' }), newMessage({ externalId: 'a' }), newMessage({ externalId: 'c' }), newMessage({ externalId: 'b' })]);
      expect(results.map((result) => result.status)).toEqual(['inserted', 'duplicate', 'inserted', 'duplicate']);
      expect((await messages.find({}, { sort: { externalId: 1 } })).map((message) => message.externalId)).toEqual(['a', 'b', 'c']);
    });

    it('ingests a message once: the same network id again is a duplicate, and it reads back as it came in', async () => {
      const { messages } = fresh.store.collections;
      const message: Message = {
        id: 'x:1790000000000000001', platform: 'x', channel: 'public', text: '@AcmeHelp charged twice', lang: 'en',
        createdAt: '2026-11-20T15:03:00+01:00', author: { id: '42', handle: 'jane_doe', followers: 1200, verified: false, 'odd.key': 1 },
        customer: { vip: false, tags: ['gold'], tier: 'gold' }, attachments: [{ type: 'photo', url: 'https://x/p.jpg' }],
        threadId: '1789999999999999999', source: { $weird: true },
      };
      const stored = inserted(await messages.insertOne(toMessageDocument(message)));
      expect(stored).toMatchObject({ platform: 'x', externalId: '1790000000000000001', createdAt: new Date('2026-11-20T14:03:00Z') });
      expect(fromMessageDocument(stored)).toEqual(message);
      const again = await messages.insertMany([toMessageDocument({ ...message, text: 'edited' }), toMessageDocument({ ...message, id: 'x:2' })]);
      expect(again.map((result) => result.status)).toEqual(['duplicate', 'inserted']);
      expect(again[0]).toMatchObject({ duplicate: { fields: ['platform', 'externalId'], existingId: stored._id } });
      expect(fromMessageDocument((await messages.findOne({ platform: 'x', externalId: '1790000000000000001' }))!).text).toBe('@AcmeHelp charged twice');
    });

    it('refuses an update that would break a unique index, and leaves the document as it was', async () => {
      const { users } = fresh.store.collections;
      inserted(await users.insertOne(newUser({ username: 'ana' })));
      const hugo = inserted(await users.insertOne(newUser({ username: 'hugo' })));
      const refused = users.updateOne({ _id: hugo._id }, { $set: { username: 'ana' } });
      await expect(refused).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(refused).rejects.toMatchObject({ duplicate: { fields: ['username'], key: { username: 'ana' } } });
      expect((await users.findOne({ _id: hugo._id }))!.username).toBe('hugo');
    });
  });
}
