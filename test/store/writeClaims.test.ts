/** The MongoDB backend's write claims (server/store/mongo/writeClaims.ts): one writer per revision, and a dead writer's claim superseded. */
import mongoose from 'mongoose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteConflictError } from '../../server/store/index.js';
import { ABANDONED_CLAIM_MS, WRITE_CLAIMS_COLLECTION } from '../../server/store/mongo/writeClaims.js';
import { testMongodbUri } from '../support/mongodb.js';
import { useFreshStore } from '../support/testStore.js';

describe.runIf(testMongodbUri())('write claims on MongoDB', () => {
  const fresh = useFreshStore('care_claims_test', 'mongodb');
  let connection: mongoose.Connection;
  beforeEach(async () => {
    connection = await mongoose.createConnection(fresh.place.storeOptions.mongodbUri!).asPromise();
  });
  afterEach(async () => {
    await connection.close();
  });

  const claims = () => connection.db!.collection<{ _id: string; doc: string; rev: number; generation: number; at: Date }>(WRITE_CLAIMS_COLLECTION);

  it('refuses an update while another writer holds the claim on that revision, and takes over one older than ABANDONED_CLAIM_MS', async () => {
    const { store } = fresh;
    const inserted = await store.collections.teams.insertOne({ name: 'care', tier: 1 });
    if (inserted.status !== 'inserted') throw new Error('team not inserted');
    const id = inserted.document._id;
    // A writer that claimed revision 0 of the team and has not written yet (or died before it could).
    await claims().insertOne({ _id: `teams/${id}@0#0`, doc: `teams/${id}`, rev: 0, generation: 0, at: new Date() });
    await expect(store.collections.teams.updateOne({ _id: id }, { $set: { displayName: 'Care' } })).rejects.toBeInstanceOf(WriteConflictError);
    expect(await store.collections.teams.findOne({ _id: id })).toMatchObject({ displayName: null });

    await claims().updateOne({ _id: `teams/${id}@0#0` }, { $set: { at: new Date(Date.now() - ABANDONED_CLAIM_MS - 1_000) } });
    expect(await store.collections.teams.updateOne({ _id: id }, { $set: { displayName: 'Care' } })).toEqual({ matched: true, modified: true });
    expect(await store.collections.teams.findOne({ _id: id })).toMatchObject({ displayName: 'Care' });
    // Released after the write: no claim is left behind.
    expect(await claims().countDocuments({ doc: `teams/${id}` })).toBe(0);
  });
  it('claims a batch of updates in one insert, leaves the document another writer holds to its retry, and releases every claim', async () => {
    const { store } = fresh;
    const ids: string[] = [];
    for (const name of ['care', 'social', 'helpdesk']) {
      const inserted = await store.collections.teams.insertOne({ name, tier: 1 });
      if (inserted.status !== 'inserted') throw new Error('team not inserted');
      ids.push(inserted.document._id);
    }
    // Another writer holds revision 0 of the second team, and lets go of it a moment later (as a live writer does).
    await claims().insertOne({ _id: `teams/${ids[1]}@0#0`, doc: `teams/${ids[1]}`, rev: 0, generation: 0, at: new Date() });
    const released = new Promise((resolve) => setTimeout(resolve, 50)).then(() => claims().deleteOne({ _id: `teams/${ids[1]}@0#0` }));
    const results = await store.collections.teams.updateEach(ids.map((id) => ({ _id: id, update: { $set: { displayName: 'Renamed' } } })));
    await released;
    expect(results.map((result) => result?.modified)).toEqual([true, true, true]);
    for (const id of ids) expect(await store.collections.teams.findOne({ _id: id })).toMatchObject({ displayName: 'Renamed' });
    expect(await claims().countDocuments({})).toBe(0);
  });
});
