import { describe, expect, it } from 'vitest';
import { FailureLimiter } from '../../server/auth/failureLimiter.js';
import { LoginThrottle } from '../../server/auth/loginThrottle.js';

const MINUTE = 60_000;

describe('FailureLimiter', () => {
  it('blocks a key at the limit until its window ends', () => {
    const limiter = new FailureLimiter(3, 15 * MINUTE);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('k', i * MINUTE)).toBe(0);
      limiter.fail('k', i * MINUTE);
    }
    expect(limiter.retryAfterMs('k', 3 * MINUTE)).toBe(12 * MINUTE);
    expect(limiter.retryAfterMs('other', 3 * MINUTE)).toBe(0);
    expect(limiter.retryAfterMs('k', 15 * MINUTE)).toBe(0);
    limiter.fail('k', 15 * MINUTE);
    expect(limiter.retryAfterMs('k', 15 * MINUTE)).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new FailureLimiter(1, MINUTE);
    limiter.fail('k', 0);
    limiter.reset('k');
    expect(limiter.retryAfterMs('k', 0)).toBe(0);
  });

  it('holds at most maxKeys keys, dropping expired ones first, then the oldest', () => {
    const limiter = new FailureLimiter(1, MINUTE, 3);
    limiter.fail('expired', 0);
    limiter.fail('a', MINUTE / 2);
    limiter.fail('b', MINUTE / 2);
    limiter.fail('c', MINUTE);
    expect(limiter.retryAfterMs('a', MINUTE)).toBeGreaterThan(0);
    limiter.fail('d', MINUTE);
    expect(limiter.retryAfterMs('a', MINUTE)).toBe(0);
    expect(limiter.retryAfterMs('d', MINUTE)).toBeGreaterThan(0);
  });
});

describe('LoginThrottle', () => {
  const options = { perAccount: { limit: 2, windowMs: MINUTE }, perAddress: { limit: 3, windowMs: MINUTE } };

  it('counts per username and address, and caps an address across usernames', () => {
    const throttle = new LoginThrottle(options);
    throttle.fail('ana', '10.0.0.1', 0);
    throttle.fail('ana', '10.0.0.1', 0);
    expect(throttle.retryAfterMs('ana', '10.0.0.1', 0)).toBe(MINUTE);
    expect(throttle.retryAfterMs('ana', '10.0.0.2', 0)).toBe(0);
    expect(throttle.retryAfterMs('hugo', '10.0.0.1', 0)).toBe(0);
    throttle.fail('hugo', '10.0.0.1', 0);
    expect(throttle.retryAfterMs('mia', '10.0.0.1', 0)).toBe(MINUTE);
  });

  it('clears the account\'s failures after a success', () => {
    const throttle = new LoginThrottle(options);
    throttle.fail('ana', 'a', 0);
    throttle.succeed('ana', 'a');
    throttle.fail('ana', 'a', 0);
    expect(throttle.retryAfterMs('ana', 'a', 0)).toBe(0);
  });
});
