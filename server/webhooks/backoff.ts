/** Retry schedule of webhook deliveries (api.md): 1 s, then ×4 with jitter, at most 1 h apart, for 24 h. */
export const FIRST_RETRY_MS = 1000;
export const MAX_RETRY_GAP_MS = 60 * 60 * 1000;
export const RETRY_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * The wait after the `failures`-th failed attempt: 1 s × 4^(failures-1),
 * scaled by a jitter factor in [0.8, 1.2) so receivers that failed together do
 * not get hit together again, and never more than 1 h. `random` is in [0, 1).
 */
export function retryDelayMs(failures: number, random: number = Math.random()): number {
  const base = FIRST_RETRY_MS * 4 ** Math.max(0, failures - 1);
  return Math.min(MAX_RETRY_GAP_MS, Math.round(base * (0.8 + 0.4 * random)));
}
