/**
 * The fan-out reads every stored case event once: more events stored at one
 * instant than a page holds (a batch copied at once), and events stored
 * before `storedAt` existed (read by `at`, as then, during the upgrade). Runs on the embedded
 * store and (mongodb project) on FerretDB / MongoDB.
 */
import { beforeEach, expect, it } from 'vitest';
import { caseEventId } from '../../server/cases/caseHistory.js';
import type { NewCaseEventDocument } from '../../server/store/index.js';
import { fanOutCaseEvents, UPGRADE_MS } from '../../server/webhooks/fanOut.js';
import { parseSecretKey, SecretBox } from '../../server/webhooks/secretBox.js';
import { useFreshStore } from '../support/testStore.js';
import { WEBHOOK_SECRET_KEY } from './webhookHelpers.js';

const NOW = new Date();
const STORED = new Date(NOW.getTime() - 1000);

const fresh = useFreshStore('fan_out');
beforeEach(async () => {
  const before = new Date(NOW.getTime() - 60_000);
  const secretSealed = new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY)!).seal('whsec_fan-out-test-secret');
  await fresh.store.collections.webhooks.insertOne({ url: 'http://127.0.0.1:9/hooks', events: ['case.created'], secretSealed, createdAt: before, updatedAt: before });
});

/** `created` events of distinct cases, each `at` and (unless null) `storedAt` the given time. */
function createdEvents(count: number, prefix: string, at: Date, storedAt: Date | null): NewCaseEventDocument[] {
  return Array.from({ length: count }, (_, index) => {
    const caseId = `${prefix}${index}`;
    return { _id: caseEventId(caseId, 1), caseId, seq: 1, type: 'created' as const, at, ...(storedAt ? { storedAt } : {}), actor: { kind: 'system' as const, id: 'test' }, data: {} };
  });
}

it('stores a delivery for each of more events stored at one instant than a page holds, and for those after it', async () => {
  const { store } = fresh;
  const afterIt = new Date(STORED.getTime() + 1);
  await store.collections.caseEvents.insertMany([...createdEvents(1201, 'batch', STORED, STORED), ...createdEvents(3, 'later', afterIt, afterIt)]);
  expect(await fanOutCaseEvents(store, NOW)).toBe(1204);
  expect(await fanOutCaseEvents(store, NOW)).toBe(0);
});

it('reads events stored without storedAt (by a version before it) by their at, for UPGRADE_MS after its first pass', async () => {
  const { store } = fresh;
  await store.collections.caseEvents.insertMany(createdEvents(2, 'old', STORED, null));
  expect(await fanOutCaseEvents(store, NOW)).toBe(2);
  expect(await store.collections.webhookDeliveries.countDocuments({ eventId: { $in: [caseEventId('old0', 1), caseEventId('old1', 1)] } })).toBe(2);

  const lastOldPass = new Date(NOW.getTime() + UPGRADE_MS - 1);
  await store.collections.caseEvents.insertMany(createdEvents(1, 'lastOld', new Date(lastOldPass.getTime() - 1), null));
  expect(await fanOutCaseEvents(store, lastOldPass)).toBe(1);
  const afterUpgrade = new Date(NOW.getTime() + UPGRADE_MS);
  await store.collections.caseEvents.insertMany(createdEvents(1, 'tooOld', new Date(afterUpgrade.getTime() - 1), null));
  expect(await fanOutCaseEvents(store, afterUpgrade)).toBe(0);
});
