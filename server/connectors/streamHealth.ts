import type { StreamHealth } from './connector.js';

/** Fresh counters for a stream. */
export function newStreamHealth(stream: string): StreamHealth {
  return { stream, lastPollAt: null, lastSuccessAt: null, caughtUpAt: null, lagMs: null, stored: 0, duplicates: 0, retries: 0, rateLimited: 0, gaps: 0, lastError: null };
}

/** A connector's status from its streams: down when none succeeded lately, degraded when one failed last. */
export function overallStatus(streams: StreamHealth[], running: boolean): 'ok' | 'degraded' | 'down' | 'stopped' {
  if (!running) return 'stopped';
  if (streams.every((s) => s.lastError !== null && s.lastSuccessAt === null)) return streams.some((s) => s.lastPollAt) ? 'down' : 'ok';
  return streams.some((s) => s.lastError !== null) ? 'degraded' : 'ok';
}
