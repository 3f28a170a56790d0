/**
 * A crash between storing a delivery and sending it: the outbox is on disk,
 * so after a restart on the same data every delivery reaches the receiver,
 * once per delivery id, including one a dead worker had claimed mid-send.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CLAIM_MS } from '../../server/webhooks/deliver.js';
import { fanOutCaseEvents } from '../../server/webhooks/fanOut.js';
import { startCareServer } from '../routes/careClient.js';
import { startReceiver } from './receiver.js';
import { fixedClock, testDispatcher, WEBHOOK_SECRET_KEY } from './webhookHelpers.js';

let dataDir: string;
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'webhook-restart-'));
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await rm(dataDir, { recursive: true, force: true });
});

const startOnData = () => startCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '1', DATA_DIR: dataDir }, { webhookIntervalMs: 60 * 60 * 1000 });

it('delivers after a restart what was stored before the crash, once per delivery id', async () => {
  const before = await startOnData();
  const admin = await before.login('admin');
  expect((await admin.post('/api/webhooks', { url: receiver.url, events: ['case.created'], secret: 'whsec_restart-test-secret' })).status).toBe(201);
  const caseIds = [await before.openCase('first'), await before.openCase('second'), await before.openCase('third')];
  const clock = fixedClock();
  // The worker stores the deliveries, takes one and dies before sending anything.
  expect(await fanOutCaseEvents(before.store, clock.now())).toBe(3);
  const taken = await before.store.collections.webhookDeliveries.findOneAndUpdate({ orderKey: caseIds[0] }, { $set: { claimedUntil: new Date(clock.now().getTime() + CLAIM_MS) }, $inc: { attempts: 1 } });
  expect(taken).not.toBeNull();
  await before.server.close();
  expect(receiver.received).toEqual([]);

  const after = await startOnData();
  try {
    const dispatcher = testDispatcher(after.store);
    await dispatcher.runOnce(clock.now());
    expect(receiver.received).toHaveLength(2);
    await dispatcher.runOnce(clock.advance(CLAIM_MS));
    await dispatcher.runOnce(clock.advance(CLAIM_MS));
    const delivered = receiver.received.map((request) => JSON.parse(request.body) as { id: string; data: { caseId: string } });
    expect(delivered.map((payload) => payload.data.caseId).sort()).toEqual([...caseIds].sort());
    expect(new Set(delivered.map((payload) => payload.id)).size).toBe(3);
    expect(await after.store.collections.webhookDeliveries.countDocuments({ status: 'delivered' })).toBe(3);
  } finally {
    await after.server.close();
  }
});

it('refuses to start without WEBHOOK_SECRET_KEY once a webhook is stored (its deliveries could not be signed)', async () => {
  await expect(startCareServer({ DATA_DIR: dataDir })).rejects.toThrow(/WEBHOOK_SECRET_KEY is required/);
});
