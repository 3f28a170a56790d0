/**
 * Case events copied to caseEvents long after they happened, with their
 * original `at`: their writer was killed between the case write and the copy,
 * and the repair sweep or the case's next writer copied them minutes later.
 * Each still reaches the webhooks subscribed to it, once. Runs on the
 * embedded store and (mongodb project) on FerretDB / MongoDB.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { repairStagedEvents } from '../../server/cases/caseHistory.js';
import { ingestMessages } from '../../server/commands/ingestMessages.js';
import type { Message } from '../../server/routing/index.js';
import { allTeamsScope, type Store } from '../../server/store/index.js';
import type { WebhookEventType } from '../../server/store/schemas/webhookEventType.js';
import { SETTLE_MS } from '../../server/webhooks/fanOut.js';
import { parseSecretKey, SecretBox } from '../../server/webhooks/secretBox.js';
import { activeRules, BRAND_ID, message } from '../commands/ingestFixture.js';
import { killedBeforeEventsCopy } from '../support/killedWriter.js';
import { useFreshStore } from '../support/testStore.js';
import { startReceiver } from './receiver.js';
import { fixedClock, testDispatcher, WEBHOOK_SECRET_KEY } from './webhookHelpers.js';

/** When the killed writer wrote its case: ten SETTLE_MS ago. */
const HAPPENED = new Date(Date.now() - 10 * SETTLE_MS);

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
const fresh = useFreshStore('late_case_events');
beforeEach(() => {
  receiver.received.length = 0;
});

/** A webhook created before the events happened. */
async function subscribe(events: WebhookEventType[]): Promise<void> {
  const before = new Date(HAPPENED.getTime() - 60_000);
  const secretSealed = new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY)!).seal('whsec_late-events-test');
  expect((await fresh.store.collections.webhooks.insertOne({ url: receiver.url, events, secretSealed, createdAt: before, updatedAt: before })).status).toBe('inserted');
}

function ingest(into: Store, messages: Message[], now: Date) {
  return ingestMessages({ store: into, rules: activeRules(), brandAccounts: new Set([`x:${BRAND_ID}`]), messages, now });
}

const at = (time: Date) => ({ createdAt: new Date(time.getTime() - 1000).toISOString() });

function received(): Array<{ type: string; seq: number }> {
  return receiver.received.map((request) => JSON.parse(request.body) as { type: string; data: { seq: number } }).map((payload) => ({ type: payload.type, seq: payload.data.seq }));
}

it('delivers once an event the repair sweep copied more than SETTLE_MS after it happened', async () => {
  const { store } = fresh;
  await subscribe(['case.created']);
  await expect(ingest(killedBeforeEventsCopy(store), [message('my parcel is late', 'A', at(HAPPENED))], HAPPENED)).rejects.toThrow('SIGKILL');
  const dispatcher = testDispatcher(store);
  const clock = fixedClock();
  await dispatcher.runOnce(clock.now());
  expect(receiver.received).toEqual([]);

  expect(await repairStagedEvents(store)).toBe(1);
  const [created] = await store.collections.caseEvents.find({ type: 'created' });
  expect(created!.storedAt!.getTime() - created!.at.getTime()).toBeGreaterThan(SETTLE_MS);
  await dispatcher.runOnce(clock.advance(1000));
  await dispatcher.runOnce(clock.advance(1000));

  expect(received()).toEqual([{ type: 'case.created', seq: 1 }]);
  expect(await store.collections.webhookDeliveries.countDocuments({})).toBe(1);
});

it('delivers once an event the case\'s next writer copied more than SETTLE_MS after it happened', async () => {
  const { store } = fresh;
  await subscribe(['message.created']);
  const first = message('my parcel is late', 'A', at(HAPPENED));
  await ingest(store, [first], HAPPENED);
  await expect(ingest(killedBeforeEventsCopy(store), [message('any news?', 'A', { threadId: first.threadId, ...at(HAPPENED) })], HAPPENED)).rejects.toThrow('SIGKILL');
  const dispatcher = testDispatcher(store);
  const clock = fixedClock();
  await dispatcher.runOnce(clock.now());
  expect(receiver.received).toEqual([]);

  const now = new Date();
  await ingest(store, [message('hello??', 'A', { threadId: first.threadId, ...at(now) })], now);
  await dispatcher.runOnce(clock.advance(1000));
  await dispatcher.runOnce(clock.advance(1000));

  expect(received()).toEqual([2, 3].map((seq) => ({ type: 'message.created', seq })));
  const [doc] = await store.collections.cases.find(allTeamsScope(), {});
  expect(doc!.lastEventSeq).toBe(3);
  expect(await store.collections.webhookDeliveries.countDocuments({})).toBe(2);
});
