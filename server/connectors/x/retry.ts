import { ApiPartialResponseError, ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import type { EndpointLimiter } from './endpointLimiter.js';
import { isUsageCapped } from './xErrors.js';

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

// Network errors raised before a single byte of the request reached X: the request certainly did not happen.
const NEVER_LEFT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

/** Whether an error from the client is worth retrying for a read: network failures, timeouts and 5xx. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ApiResponseError) return error.code >= 500;
  if (error instanceof ApiRequestError || error instanceof ApiPartialResponseError) return true;
  return error instanceof Error && /timeout|ECONNRESET|socket hang up|ECONNREFUSED|EPIPE/i.test(error.message);
}

/**
 * The network error under a twitter-api-v2 request error. (1.29 stores it as
 * `error` but its `requestError` getter reads `requestError`, so both are tried.)
 */
export function networkErrorOf(error: ApiRequestError): (Error & { code?: string }) | undefined {
  const options = (error as unknown as { _options?: { error?: Error; requestError?: Error } })._options;
  return error.requestError ?? options?.requestError ?? options?.error;
}

/** Whether a write failed before the request left this machine (connection refused, name not resolved): safe to send again. */
export function failedBeforeSending(error: unknown): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  const code = networkErrorOf(error)?.code;
  return code !== undefined && NEVER_LEFT.has(code);
}

/**
 * Whether a write's outcome is unknown: X may have acted on it although no
 * answer came (a timeout, a dropped connection, a cut-off body, a 5xx).
 * Such a write is never sent again blindly; it is looked up first.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (failedBeforeSending(error)) return false;
  if (error instanceof ApiResponseError) return error.code >= 500;
  return error instanceof ApiRequestError || error instanceof ApiPartialResponseError;
}

/** Whether X refused the request for its 15-minute (or 24-hour) window: it did nothing, try after the reset. */
export function isRateLimited(error: unknown): error is ApiResponseError {
  return error instanceof ApiResponseError && error.code === 429 && !isUsageCapped(error);
}

/** "Full jitter" backoff: a random delay up to the capped exponential bound. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/**
 * Sends one request through its endpoint's limiter: a 429 empties the window
 * until X's reset and tries again; errors `mayRetry` accepts (by default those
 * of reads: 5xx and network errors) back off with jitter.
 */
export async function sendWithRetries<T>(
  limiter: EndpointLimiter,
  request: () => Promise<T>,
  counters: RetryCounters,
  policy: RetryPolicy = DEFAULT_RETRY,
  mayRetry: (error: unknown) => boolean = isTransient,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await limiter.schedule(request);
    } catch (error) {
      if (attempt + 1 >= policy.maxAttempts) throw error;
      if (isRateLimited(error)) {
        counters.rateLimited++;
        limiter.exhaustUntil(error.rateLimit?.reset);
      } else if (mayRetry(error)) {
        counters.retries++;
        await limiter.pause(backoffDelay(attempt, policy));
      } else {
        throw error;
      }
    }
  }
}
