import { ApiResponseError } from 'twitter-api-v2';
import { isTransient } from '../connectors/x/retry.js';

/**
 * Whether a failed send is worth another attempt later: network failures,
 * timeouts, 5xx and rate limits (429). Anything else (X's 403 for a
 * duplicate or a deleted post, 400) would fail the same way again.
 */
export function isRetryable(error: unknown): boolean {
  return isTransient(error) || (error instanceof ApiResponseError && error.code === 429);
}

/** A short reason to keep with a failed reply and show to agents (X's own detail when it gave one). */
export function failureReason(error: unknown): string {
  if (error instanceof ApiResponseError) {
    const detail = error.data?.detail ?? error.data?.title ?? error.errors?.map((item) => ('message' in item ? item.message : '')).filter(Boolean).join('; ');
    return truncate(`${error.code}${detail ? `: ${detail}` : ''}`);
  }
  return truncate(error instanceof Error ? error.message : String(error));
}

function truncate(text: string): string {
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
