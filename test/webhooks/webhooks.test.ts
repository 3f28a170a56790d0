/**
 * Webhooks end to end: the admin API, then deliveries from real case changes
 * to a real local HTTP receiver that fails first, signed, retried on the
 * schedule, in order per case; the clock is fixed and passes are run by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueWebhookEvent } from '../../server/webhooks/enqueueEvent.js';
import { useCareServer } from '../routes/careClient.js';
import { startReceiver } from './receiver.js';
import { ALL_EVENTS, fixedClock, signatureIsValid, testDispatcher, WEBHOOK_SECRET_KEY } from './webhookHelpers.js';

let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
// After the receiver's hooks: afterAll hooks run in reverse, so the server stops before its receiver closes.
const care = useCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '1' }, { webhookIntervalMs: 60 * 60 * 1000 });
const admin = care.loggedIn('admin');

async function newWebhook(events = ALL_EVENTS, secret = `whsec_${Date.now()}-${Math.random()}`) {
  const reply = await admin.post('/api/webhooks', { url: receiver.url, events, secret });
  expect(reply.status).toBe(201);
  return { id: reply.body.webhook.id as string, secret };
}

/** Removes every webhook, so each test sees only its own deliveries. */
async function clearWebhooks() {
  for (const hook of (await admin.get('/api/webhooks')).body.webhooks) expect((await admin.delete(`/api/webhooks/${hook.id}`)).status).toBe(204);
  receiver.received.length = 0;
}

describe('the webhooks API', () => {
  it('is for admins only', async () => {
    expect((await (await care.login('ana')).get('/api/webhooks')).status).toBe(403);
    expect((await (await care.login('ana')).post('/api/webhooks', { url: receiver.url, events: ['case.created'] })).status).toBe(403);
    expect((await care.anonymous().get('/api/webhooks')).status).toBe(401);
  });

  it('shows a generated secret once and stores it only encrypted', async () => {
    const created = await admin.post('/api/webhooks', { url: receiver.url, events: ['case.created'] });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.webhook.id;
    const listed = (await admin.get('/api/webhooks')).body.webhooks.find((hook: { id: string }) => hook.id === id);
    expect(listed).toEqual({ id, url: receiver.url, events: ['case.created'], paused: false, createdAt: expect.any(String), updatedAt: expect.any(String) });
    const stored = await care.store.collections.webhooks.findOne({ _id: id });
    expect(JSON.stringify(stored)).not.toContain(created.body.secret.slice(6));
    expect((await admin.delete(`/api/webhooks/${id}`)).status).toBe(204);
  });

  it('edits, pauses and deletes; 404 for an unknown one', async () => {
    const { id } = await newWebhook(['case.created']);
    const patched = await admin.patch(`/api/webhooks/${id}`, { events: ['case.escalated', 'reply.failed'], paused: true });
    expect(patched.status).toBe(200);
    expect(patched.body.webhook).toMatchObject({ events: ['case.escalated', 'reply.failed'], paused: true });
    expect(patched.body.secret).toBeUndefined();
    expect((await admin.delete(`/api/webhooks/${id}`)).status).toBe(204);
    expect((await admin.patch(`/api/webhooks/${id}`, { paused: false })).status).toBe(404);
    expect((await admin.get(`/api/webhooks/${id}/deliveries`)).status).toBe(404);
  });

  it('refuses a bad URL, an unknown event and a short secret, pointing at each', async () => {
    const reply = await admin.post('/api/webhooks', { url: 'ftp://example.com', events: ['case.created', 'case.deleted'], secret: 'short' });
    expect(reply.status).toBe(400);
    const pointers = reply.body.error.details.map((detail: { pointer: string }) => detail.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/url', '/events/1', '/secret']));
  });
});

describe('deliveries', () => {
  it('retries a receiver that fails, on the 1 s ×4 schedule, with the same signed payload id, then logs it delivered', async () => {
    await clearWebhooks();
    const { id, secret } = await newWebhook(['case.created']);
    const caseId = await care.openCase('where is my parcel?');
    receiver.failNext(500, 503);
    const clock = fixedClock();
    const dispatcher = testDispatcher(care.store);

    await dispatcher.runOnce(clock.now());
    let [logged] = (await admin.get(`/api/webhooks/${id}/deliveries`)).body.deliveries;
    expect(logged).toMatchObject({ type: 'case.created', caseId, status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: new Date(clock.now().getTime() + 1000).toISOString() });

    await dispatcher.runOnce(clock.advance(999));
    expect(receiver.received).toHaveLength(1);
    await dispatcher.runOnce(clock.advance(1));
    [logged] = (await admin.get(`/api/webhooks/${id}/deliveries`)).body.deliveries;
    expect(logged).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 503, nextAttemptAt: new Date(clock.now().getTime() + 4000).toISOString() });
    await dispatcher.runOnce(clock.advance(4000));

    [logged] = (await admin.get(`/api/webhooks/${id}/deliveries`)).body.deliveries;
    expect(logged).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    expect(receiver.received.map((request) => request.answeredWith)).toEqual([500, 503, 200]);
    const payloads = receiver.received.map((request) => JSON.parse(request.body));
    expect(new Set(payloads.map((payload) => payload.id)).size).toBe(1);
    expect(payloads[2]).toMatchObject({ id: logged.eventId, type: 'case.created', data: { caseId, case: { id: caseId, team: 'care' } } });
    for (const request of receiver.received) {
      expect(signatureIsValid(request, secret)).toBe(true);
      expect(signatureIsValid(request, `${secret}x`)).toBe(false);
    }
  });

  it('sends the events of one case one at a time and in order, a failure holding back the later ones', async () => {
    await clearWebhooks();
    await newWebhook();
    const caseId = await care.openCase('my card was charged twice');
    expect((await admin.patch(`/api/cases/${caseId}`, { priority: 'high' })).status).toBe(200);
    expect((await admin.post(`/api/cases/${caseId}/escalations`, { reason: 'billing' })).status).toBe(200);
    receiver.failNext(502);
    const clock = fixedClock();
    const dispatcher = testDispatcher(care.store);

    await dispatcher.runOnce(clock.now());
    expect(receiver.received).toHaveLength(1);
    await dispatcher.runOnce(clock.now());
    expect(receiver.received).toHaveLength(1);
    for (let pass = 0; pass < 4; pass += 1) await dispatcher.runOnce(clock.advance(1000));

    const sent = receiver.received.map((request) => JSON.parse(request.body));
    expect(sent.map((payload) => payload.type)).toEqual(['case.created', 'case.created', 'case.updated', 'case.escalated']);
    expect(sent.map((payload) => payload.data.seq)).toEqual([1, 1, 2, 3]);
    expect(sent[3].data.case).toMatchObject({ id: caseId, tier: 2, team: 'helpdesk' });
  });

  it('redelivers a delivery on request, with the same id', async () => {
    await clearWebhooks();
    const { id } = await newWebhook(['case.created']);
    await care.openCase('hello there');
    const clock = fixedClock();
    const dispatcher = testDispatcher(care.store);
    await dispatcher.runOnce(clock.now());
    const [logged] = (await admin.get(`/api/webhooks/${id}/deliveries`)).body.deliveries;
    expect(logged.status).toBe('delivered');

    expect((await admin.post(`/api/webhooks/${id}/deliveries/${encodeURIComponent(logged.id)}/redeliver`)).status).toBe(202);
    await dispatcher.runOnce(clock.advance(1000));
    await expect.poll(() => receiver.received.length).toBe(2);
    expect(JSON.parse(receiver.received[1]!.body).id).toBe(JSON.parse(receiver.received[0]!.body).id);
    expect((await admin.post(`/api/webhooks/${id}/deliveries/nope/redeliver`)).status).toBe(404);
  });

  it('stores nothing for a paused webhook and for events before a webhook existed', async () => {
    await clearWebhooks();
    await care.openCase('before the webhook');
    const { id } = await newWebhook(['case.created']);
    expect((await admin.patch(`/api/webhooks/${id}`, { paused: true })).status).toBe(200);
    await care.openCase('while paused');
    await testDispatcher(care.store).runOnce(fixedClock().now());
    expect((await admin.get(`/api/webhooks/${id}/deliveries`)).body.deliveries).toEqual([]);
    expect(receiver.received).toEqual([]);
  });

  it('sends events of no case (customer.erased) to the webhooks subscribed to them only', async () => {
    await clearWebhooks();
    const { id, secret } = await newWebhook(['customer.erased']);
    const other = await newWebhook(['case.created']);
    const eventId = await enqueueWebhookEvent(care.store, 'customer.erased', { customerId: 'x:42' });
    await testDispatcher(care.store).runOnce(fixedClock().now());
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ id: eventId, type: 'customer.erased', data: { customerId: 'x:42' } });
    expect(signatureIsValid(receiver.received[0]!, secret)).toBe(true);
    expect((await admin.get(`/api/webhooks/${id}/deliveries`)).body.deliveries).toEqual([expect.objectContaining({ type: 'customer.erased', caseId: null, status: 'delivered' })]);
    expect((await admin.get(`/api/webhooks/${other.id}/deliveries`)).body.deliveries).toEqual([]);
  });
});
