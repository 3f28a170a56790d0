import { FailureLimiter } from './failureLimiter.js';

export interface LoginThrottleOptions {
  /** Failed logins per username from one address before it is blocked for the rest of the window. */
  perAccount: { limit: number; windowMs: number };
  /** Failed logins from one address, whatever the usernames (slows guessing across many accounts). */
  perAddress: { limit: number; windowMs: number };
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  perAccount: { limit: 5, windowMs: 15 * 60_000 },
  perAddress: { limit: 100, windowMs: 15 * 60_000 },
};

/** What the login route asks of a throttle: in this process's memory (LoginThrottle) or shared through Redis (RedisLoginThrottle). */
export interface LoginLimits {
  /** Milliseconds until this username may try again from this address; 0 when it may now. */
  retryAfterMs(username: string, address: string): number | Promise<number>;
  /** Counts a failed login. */
  fail(username: string, address: string): void | Promise<void>;
  /** Clears the account's failures after a successful login. */
  succeed(username: string, address: string): void | Promise<void>;
}

/** Throttles failed logins per username+address and per address (429 once either is used up), in this process's memory. */
export class LoginThrottle implements LoginLimits {
  private readonly perAccount: FailureLimiter;
  private readonly perAddress: FailureLimiter;

  constructor(options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {
    this.perAccount = new FailureLimiter(options.perAccount.limit, options.perAccount.windowMs);
    this.perAddress = new FailureLimiter(options.perAddress.limit, options.perAddress.windowMs);
  }

  /** Milliseconds until this username may try again from this address; 0 when it may now. */
  retryAfterMs(username: string, address: string, now = Date.now()): number {
    return Math.max(this.perAccount.retryAfterMs(accountKey(username, address), now), this.perAddress.retryAfterMs(address, now));
  }

  /** Counts a failed login. */
  fail(username: string, address: string, now = Date.now()): void {
    this.perAccount.fail(accountKey(username, address), now);
    this.perAddress.fail(address, now);
  }

  /** Clears the account's failures after a successful login (the address's count stays). */
  succeed(username: string, address: string): void {
    this.perAccount.reset(accountKey(username, address));
  }
}

function accountKey(username: string, address: string): string {
  return `${username}\u0000${address}`;
}
