/** Fixed-window rate limits per endpoint and caller, with X's x-rate-limit-* headers. */
import type { EndpointName } from './endpoints.js';

/** A request budget per window. */
export interface WindowRule {
  limit: number;
  windowMs: number;
}

/** An endpoint's 15-minute (or configured) window, plus X's optional 24-hour cap. */
export interface EndpointLimit extends WindowRule {
  /** 'app' caps are shared by every caller (x-app-limit-24hour-*); 'user' caps are per caller (x-user-limit-24hour-*). */
  daily?: WindowRule & { scope: 'app' | 'user' };
}

const FIFTEEN_MINUTES = 15 * 60_000;
const DAY = 24 * 3600_000;

/** X's published per-user limits for the simulated endpoints (rate-limits.mdx). */
export const X_RATE_LIMITS: Readonly<Record<EndpointName, EndpointLimit>> = {
  mentions: { limit: 300, windowMs: FIFTEEN_MINUTES },
  dmEvents: { limit: 15, windowMs: FIFTEEN_MINUTES },
  createTweet: { limit: 100, windowMs: FIFTEEN_MINUTES, daily: { limit: 10_000, windowMs: DAY, scope: 'app' } },
  sendDm: { limit: 15, windowMs: FIFTEEN_MINUTES, daily: { limit: 1_440, windowMs: DAY, scope: 'user' } },
  me: { limit: 75, windowMs: FIFTEEN_MINUTES },
  userTweets: { limit: 900, windowMs: FIFTEEN_MINUTES },
  dmConversation: { limit: 15, windowMs: FIFTEEN_MINUTES },
};

/** Outcome of one request against its windows. */
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
}

interface Window {
  startedAt: number;
  used: number;
}

/** Counts requests in fixed windows that start with the first request after the previous one ended. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limits: Readonly<Record<EndpointName, EndpointLimit>>,
    private readonly clock: () => number,
  ) {}

  /** Spends one request for `caller` on `endpoint` if every window has room. */
  take(endpoint: EndpointName, caller: string): RateDecision {
    const rule = this.limits[endpoint];
    const now = this.clock();
    const main = this.current(`${endpoint}|${caller}`, rule, now);
    const daily = rule.daily && this.current(`${endpoint}|day|${rule.daily.scope === 'app' ? '*' : caller}`, rule.daily, now);
    const allowed = main.used < rule.limit && (!daily || !rule.daily || daily.used < rule.daily.limit);
    if (allowed) {
      main.used++;
      if (daily) daily.used++;
    }
    const headers = windowHeaders('x-rate-limit', rule, main);
    if (daily && rule.daily) Object.assign(headers, windowHeaders(`x-${rule.daily.scope}-limit-24hour`, rule.daily, daily));
    return { allowed, headers };
  }

  /** Forgets every window (a fresh 15 minutes for everyone). */
  reset(): void {
    this.windows.clear();
  }

  private current(key: string, rule: WindowRule, now: number): Window {
    const existing = this.windows.get(key);
    if (existing && now < existing.startedAt + rule.windowMs) return existing;
    const fresh = { startedAt: now, used: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }
}

function windowHeaders(prefix: string, rule: WindowRule, window: Window): Record<string, string> {
  return {
    [`${prefix}-limit`]: String(rule.limit),
    [`${prefix}-remaining`]: String(Math.max(0, rule.limit - window.used)),
    [`${prefix}-reset`]: String(Math.ceil((window.startedAt + rule.windowMs) / 1000)),
  };
}
