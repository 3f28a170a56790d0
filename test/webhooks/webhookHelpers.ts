/** Helpers of the webhook tests (not a test file): the signature checked by an independent HMAC, a dispatcher on a fixed clock. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../server/store/index.js';
import { WebhookDispatcher } from '../../server/webhooks/dispatcher.js';
import { parseSecretKey, SecretBox } from '../../server/webhooks/secretBox.js';
import type { ReceivedRequest } from './receiver.js';

export const WEBHOOK_SECRET_KEY = '0f'.repeat(32);

/** Verifies X-Care-Signature the way a receiver would (docs/integrations.md), with node:crypto only. */
export function signatureIsValid(request: ReceivedRequest, secret: string): boolean {
  const header = String(request.headers['x-care-signature'] ?? '');
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${request.body}`).digest();
  return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex'));
}

/** A dispatcher of its own (the server's waits an hour between passes), with the jitter fixed at the middle (no jitter), sending to the loopback receiver. */
export function testDispatcher(store: Store): WebhookDispatcher {
  return new WebhookDispatcher({ store, box: new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY)!), random: () => 0.5, allowPrivate: true });
}

/** A clock that starts a second from now (so the events just stored are in the past) and moves only when told. */
export function fixedClock() {
  let now = Date.now() + 1000;
  return {
    now: () => new Date(now),
    advance: (ms: number) => new Date((now += ms)),
  };
}

export const ALL_EVENTS = ['case.created', 'case.updated', 'case.escalated', 'message.created', 'reply.sent', 'reply.failed'];
