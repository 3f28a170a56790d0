import type { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import { DEFAULT_LOGIN_THROTTLE, type LoginLimits, type LoginThrottleOptions } from './loginThrottle.js';

/**
 * Login throttling shared by every web process (rate-limiter-flexible over
 * Redis): failures counted in fixed windows per username+address and per
 * address, so a guesser gains nothing by landing on another process. Same
 * limits and answers as the in-memory LoginThrottle.
 */
export class RedisLoginThrottle implements LoginLimits {
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;
  private readonly limits: LoginThrottleOptions;

  constructor(redis: Redis, options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {
    this.limits = options;
    const limiter = (prefix: string, { limit, windowMs }: { limit: number; windowMs: number }) =>
      new RateLimiterRedis({ storeClient: redis, keyPrefix: `care-inbox:login-failures:${prefix}`, points: limit, duration: Math.ceil(windowMs / 1000) });
    this.perAccount = limiter('account', options.perAccount);
    this.perAddress = limiter('address', options.perAddress);
  }

  async retryAfterMs(username: string, address: string): Promise<number> {
    const [account, byAddress] = await Promise.all([this.perAccount.get(accountKey(username, address)), this.perAddress.get(address)]);
    const wait = (used: typeof account, limit: number) => (used && used.consumedPoints >= limit ? Math.max(1, used.msBeforeNext) : 0);
    return Math.max(wait(account, this.limits.perAccount.limit), wait(byAddress, this.limits.perAddress.limit));
  }

  async fail(username: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(accountKey(username, address)), this.perAddress.penalty(address)]);
  }

  async succeed(username: string, address: string): Promise<void> {
    await this.perAccount.delete(accountKey(username, address));
  }
}

function accountKey(username: string, address: string): string {
  return `${username}\u0000${address}`;
}
