/** Webhook signing, the secret box and the retry schedule, checked against independent computations. */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from '../../server/env.js';
import { retryDelayMs } from '../../server/webhooks/backoff.js';
import { parseSecretKey, SecretBox } from '../../server/webhooks/secretBox.js';
import { signatureHeader } from '../../server/webhooks/signature.js';

describe('X-Care-Signature', () => {
  it('is t=UNIX,v1=HMAC-SHA256 of "t.body" in hex', () => {
    const body = '{"id":"e1","type":"case.created","createdAt":"2026-12-03T09:00:00.000Z","data":{"é":"ü"}}';
    const expected = createHmac('sha256', 'whsec_test-secret').update(Buffer.from(`1764752400.${body}`, 'utf8')).digest('hex');
    expect(signatureHeader('whsec_test-secret', 1764752400, body)).toBe(`t=1764752400,v1=${expected}`);
  });

  it('changes with the secret, the time and the body', () => {
    const base = signatureHeader('secret-one-1234567', 100, '{}');
    expect(signatureHeader('secret-two-1234567', 100, '{}')).not.toBe(base);
    expect(signatureHeader('secret-one-1234567', 101, '{}')).not.toBe(base);
    expect(signatureHeader('secret-one-1234567', 100, '{ }')).not.toBe(base);
  });
});

describe('the secret box (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('opens what it sealed, and the sealed form does not contain the secret', () => {
    const box = new SecretBox(key);
    const sealed = box.seal('whsec_abcdef0123456789');
    expect(sealed).not.toContain('abcdef0123456789');
    expect(box.open(sealed)).toBe('whsec_abcdef0123456789');
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a wrong key and a tampered value', () => {
    const sealed = new SecretBox(key).seal('whsec_abcdef0123456789');
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    const [iv, tag, data] = sealed.split('.');
    const flipped = Buffer.from(data!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => new SecretBox(key).open([iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('reads WEBHOOK_SECRET_KEY as 64 hex digits or base64 of 32 bytes, nothing else', () => {
    expect(parseSecretKey('ab'.repeat(32))?.length).toBe(32);
    expect(parseSecretKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseSecretKey('ab'.repeat(31))).toBeUndefined();
    expect(parseSecretKey('too short')).toBeUndefined();
  });

  it('is checked at start-up with the other variables', () => {
    expect(readEnv({ WEBHOOK_SECRET_KEY: 'ab'.repeat(32) }).webhookSecretKey?.length).toBe(32);
    expect(() => readEnv({ WEBHOOK_SECRET_KEY: 'not a key' })).toThrow(EnvError);
    expect(() => readEnv({ WEBHOOK_SECRET_KEY: 'not a key' })).toThrow(/WEBHOOK_SECRET_KEY must be 32 bytes/);
  });
});

describe('the retry schedule', () => {
  it('waits 1 s, then ×4, never more than 1 h, without jitter at the middle', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((failures) => retryDelayMs(failures, 0.5))).toEqual([1000, 4000, 16000, 64000, 256000, 1024000, 3600000, 3600000, 3600000]);
  });

  it('spreads retries by ±20 %', () => {
    expect(retryDelayMs(2, 0)).toBe(3200);
    expect(retryDelayMs(2, 0.999999)).toBeCloseTo(4800, -1);
  });
});
