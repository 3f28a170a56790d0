/*
 * The query of GET /api/metrics (its answer is metricsShape.ts's CaseMetrics).
 * Its own file, free of imports, because the client uses it (type-only) and a
 * client type-check cannot follow metrics.ts into the store (node-only
 * modules).
 */

/** GET /api/metrics query: the period's ends (ISO-8601 dates or date-times), either left out for an open end. */
export interface MetricsQuery {
  from?: string;
  to?: string;
}
