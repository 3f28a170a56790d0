/** Webhooks never reach loopback or private networks (SSRF) unless allowed (WEBHOOK_ALLOW_PRIVATE): refused when saved (400 at /url) and when sent. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../server/webhooks/postJson.js';
import { isPrivateAddress, privateHostProblem } from '../../server/webhooks/privateTargets.js';
import { useCareServer } from '../routes/careClient.js';
import { startReceiver } from './receiver.js';
import { WEBHOOK_SECRET_KEY } from './webhookHelpers.js';

describe('private addresses', () => {
  it('knows loopback, private, link-local and mapped addresses from public ones', () => {
    for (const address of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1']) expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700::1111']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('judges a URL by its host', () => {
    expect(privateHostProblem('http://localhost:8080/hook')).toMatch(/localhost is a loopback or private network address/);
    expect(privateHostProblem('http://[::1]/hook')).toMatch(/::1/);
    expect(privateHostProblem('https://hooks.example.com/care')).toBeNull();
  });
});

describe('sending', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('refuses a loopback receiver, literal or by name, unless allowed', async () => {
    const port = new URL(receiver.url).port;
    const options = { headers: { 'content-type': 'application/json' }, timeoutMs: 5000 };
    await expect(postJson(`http://127.0.0.1:${port}/hook`, '{}', { ...options, allowPrivate: false })).rejects.toThrow(/127\.0\.0\.1 is a private network address/);
    await expect(postJson(`http://localhost:${port}/hook`, '{}', { ...options, allowPrivate: false })).rejects.toThrow(/localhost resolves to .*a private network address/);
    expect(receiver.received).toHaveLength(0);
    expect(await postJson(`http://127.0.0.1:${port}/hook`, '{}', { ...options, allowPrivate: true })).toBe(200);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('saving', () => {
  const care = useCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '0' });

  it('refuses a private URL at /url when creating or editing a webhook', async () => {
    const admin = await care.login('admin');
    const refused = await admin.post('/api/webhooks', { url: 'http://169.254.169.254/latest/meta-data', events: ['case.created'] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ pointer: '/url', message: expect.stringMatching(/169\.254\.169\.254 is a loopback or private network address.*WEBHOOK_ALLOW_PRIVATE=1/) }]);
    const created = await admin.post('/api/webhooks', { url: 'https://hooks.example.com/care', events: ['case.created'] });
    expect(created.status).toBe(201);
    const edited = await admin.patch(`/api/webhooks/${created.body.webhook.id}`, { url: 'http://localhost:9/x' });
    expect(edited.status).toBe(400);
    expect(edited.body.error.details[0].pointer).toBe('/url');
  });
});
