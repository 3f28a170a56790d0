import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import type { EndpointLimiter } from './endpointLimiter.js';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export interface RetryCounters {
  retries: number;
  rateLimited: number;
}

/** Whether an error from the client is worth retrying: network failures, timeouts and 5xx. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiResponseError) return error.code >= 500;
  if (error instanceof ApiRequestError) return true;
  return error instanceof Error && /timeout|ECONNRESET|socket hang up|ECONNREFUSED|EPIPE/i.test(error.message);
}

/** "Full jitter" backoff: a random delay up to the capped exponential bound. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/**
 * Sends one request through its endpoint's limiter: a 429 empties the window
 * until X's reset and tries again; 5xx and network errors back off with jitter.
 */
export async function sendWithRetries<T>(
  limiter: EndpointLimiter,
  request: () => Promise<T>,
  counters: RetryCounters,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await limiter.schedule(request);
    } catch (error) {
      if (attempt + 1 >= policy.maxAttempts) throw error;
      if (error instanceof ApiResponseError && error.code === 429) {
        counters.rateLimited++;
        limiter.exhaustUntil(error.rateLimit?.reset);
      } else if (isTransient(error)) {
        counters.retries++;
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, policy)));
      } else {
        throw error;
      }
    }
  }
}
