/** Contract: the mongoose schemas validate on every backend; errors name the field; nothing is half-written; unsafe queries are refused. */
import { describe, expect, it } from 'vitest';
import { allTeamsScope, plainValue, StoreValidationError, UnsafeQueryError } from '../../../server/store/index.js';
import { useFreshStore, type BackendUnderTest } from '../backends.js';
import { inserted, newCase, newMessage, newUser } from '../factories.js';

export function validationContract(backend: BackendUnderTest): void {
  describe('validation by the schemas', () => {
    const fresh = useFreshStore(backend);
    const scope = allTeamsScope();

    it('rejects an invalid document with an error naming each bad field, and stores nothing', async () => {
      const { cases } = fresh.store.collections;
      const attempt = cases.insertOne(scope, newCase({ status: 'closed' as 'new', customer: { id: '' }, routing: { ruleSetVersion: -1 } }));
      await expect(attempt).rejects.toBeInstanceOf(StoreValidationError);
      const error = (await attempt.catch((caught: unknown) => caught)) as StoreValidationError;
      expect(error.issues.map((issue) => issue.path).sort()).toEqual(['customer.id', 'routing.ruleSetVersion', 'status']);
      expect(error.message).toMatch(/status: .*closed/);
      expect(await cases.countDocuments(scope, {})).toBe(0);
    });

    it('rejects fields the schema does not have, and values that do not cast', async () => {
      const { users } = fresh.store.collections;
      await expect(users.insertOne({ ...newUser(), isRoot: true } as ReturnType<typeof newUser>)).rejects.toMatchObject({ issues: [{ path: 'isRoot', kind: 'unknown' }] });
      await expect(users.insertOne(newUser({ createdAt: 'yesterday' as unknown as Date }))).rejects.toMatchObject({ issues: [{ path: 'createdAt', kind: 'cast' }] });
      await expect(users.insertOne(newUser({ username: 'no spaces' }))).rejects.toMatchObject({ issues: [{ path: 'username', kind: 'regexp' }] });
      expect(await users.countDocuments({})).toBe(0);
    });

    it('validates a whole batch before writing any of it', async () => {
      const { messages } = fresh.store.collections;
      const batch = [newMessage(), newMessage({ channel: 'fax' as 'dm' }), newMessage()];
      await expect(messages.insertMany(batch)).rejects.toMatchObject({ issues: [{ path: '[1].channel', kind: 'enum' }] });
      expect(await messages.countDocuments({})).toBe(0);
    });

    it('validates the document an update would produce, and leaves the stored one untouched when it fails', async () => {
      const { cases } = fresh.store.collections;
      const opened = inserted(await cases.insertOne(scope, newCase()));
      await expect(cases.updateOne(scope, { _id: opened._id }, { $set: { priority: 'asap' as 'high', status: 'open' } })).rejects.toMatchObject({ issues: [{ path: 'priority' }] });
      await expect(cases.updateOne(scope, { _id: opened._id }, { $inc: { messageCount: -5 } })).rejects.toMatchObject({ issues: [{ path: 'messageCount', kind: 'min' }] });
      await expect(cases.updateOne(scope, { _id: opened._id }, { $unset: { team: '' } })).rejects.toMatchObject({ issues: [{ path: 'team', kind: 'required' }] });
      expect(await cases.findOne(scope, { _id: opened._id })).toEqual(opened);
    });

    it("refuses field names starting with '$' or holding '.', even inside free-form fields", async () => {
      const { caseEvents } = fresh.store.collections;
      const event = { caseId: 'c', seq: 1, type: 'updated' as const, actor: { kind: 'system' as const }, data: { changes: { '$where': 1 } } };
      await expect(caseEvents.insertOne(event)).rejects.toMatchObject({ issues: [{ path: 'data.changes.$where', kind: 'key' }] });
      await expect(caseEvents.insertOne({ ...event, data: { 'a.b': 1 } })).rejects.toBeInstanceOf(StoreValidationError);
    });

    it('refuses unsafe filters, updates and pipelines', async () => {
      const { users } = fresh.store.collections;
      inserted(await users.insertOne(newUser({ username: 'ana' })));
      await expect(users.find({ $where: 'true' })).rejects.toBeInstanceOf(UnsafeQueryError);
      await expect(users.find({ username: { $function: {} } })).rejects.toBeInstanceOf(UnsafeQueryError);
      await expect(users.find({ username: { $eq: { $ne: null } } })).rejects.toBeInstanceOf(UnsafeQueryError);
      await expect(users.updateOne({ username: 'ana' }, { $rename: { username: 'name' } } as never)).rejects.toBeInstanceOf(UnsafeQueryError);
      await expect(users.updateOne({ username: 'ana' }, { $set: { _id: 'other' } })).rejects.toBeInstanceOf(UnsafeQueryError);
      await expect(users.aggregate([{ $out: 'stolen' }])).rejects.toBeInstanceOf(UnsafeQueryError);
      await expect(users.aggregate([{ $group: { _id: null, all: { $accumulator: {} } } }])).rejects.toBeInstanceOf(UnsafeQueryError);
      const fromRequest: unknown = { $ne: null };
      expect(() => users.find({ username: plainValue(fromRequest, 'username') })).toThrow(UnsafeQueryError);
      expect(await users.find({ username: plainValue('ana') })).toHaveLength(1);
    });
  });
}
