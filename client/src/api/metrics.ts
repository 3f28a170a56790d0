import { queryString, request, type QueryOf } from './http.js';
// Type-only: the answer is the server's own shape (its file imports nothing the browser build lacks), so the two cannot drift.
import type { CaseMetrics } from '../../../server/metrics/metricsShape.js';
import type { MetricsQuery } from '../../../server/routes/metrics/bodies.js';

export type { Percentiles } from '../../../server/metrics/metricsShape.js';

/** GET /api/metrics: figures over cases opened in [from, to) (the server's CaseMetrics). */
export type Metrics = CaseMetrics;

/** The care figures for a period (either end open); agents get their teams', admins everyone's. */
export function getMetrics(range: { from: string | null; to: string | null }, signal?: AbortSignal): Promise<Metrics> {
  return request<Metrics>(`/api/metrics${queryString({ from: range.from, to: range.to } satisfies QueryOf<MetricsQuery>)}`, { signal });
}
