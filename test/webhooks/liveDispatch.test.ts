/**
 * The server's own dispatcher on the real clock (what an operator gets): a
 * receiver that fails the first two deliveries still gets the case, signed,
 * after the 1 s and 4 s retries. Waits for the outcome, asserts no durations.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useCareServer } from '../routes/careClient.js';
import { startReceiver } from './receiver.js';
import { signatureIsValid, WEBHOOK_SECRET_KEY } from './webhookHelpers.js';

let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver([500, 500]);
});
afterAll(async () => {
  await receiver.close();
});
// After the receiver's hooks: afterAll hooks run in reverse, so the server stops before its receiver closes.
const care = useCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '1' });

it('delivers a new case to a receiver that fails first, through the running server', async () => {
  const admin = await care.login('admin');
  const created = await admin.post('/api/webhooks', { url: receiver.url, events: ['case.created', 'case.escalated'] });
  expect(created.status).toBe(201);
  const caseId = await care.openCase('I want a refund for order 1234');
  await expect.poll(() => receiver.received.filter((request) => request.answeredWith === 200).length, { timeout: 20_000, interval: 200 }).toBe(1);
  expect(receiver.received.map((request) => request.answeredWith)).toEqual([500, 500, 200]);
  const payload = JSON.parse(receiver.received[2]!.body);
  expect(payload).toMatchObject({ type: 'case.created', data: { caseId, case: { id: caseId, tier: 2, team: 'helpdesk' } } });
  expect(receiver.received.every((request) => signatureIsValid(request, created.body.secret))).toBe(true);
  const [logged] = (await admin.get(`/api/webhooks/${created.body.webhook.id}/deliveries`)).body.deliveries;
  expect(logged).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
});
