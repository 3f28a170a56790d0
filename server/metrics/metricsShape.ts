/**
 * The answer of GET /api/metrics, as caseMetrics() builds it and the client
 * reads it. Its own file, importing nothing, because the client imports it
 * (type-only) and a client type-check cannot follow caseMetrics.ts into the
 * store (node-only modules). Every field is already JSON: the period's ends
 * are ISO-8601 strings, durations are milliseconds.
 */

/** How many cases a duration was measured over, and its median and 90th percentile (null without cases). */
export interface Percentiles {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface CaseMetrics {
  /** The period's ends (ISO-8601), null when open. */
  from: string | null;
  to: string | null;
  /** `suppressed`: cases a suppress decision (routing.md §2) kept out of the inboxes, counted in `total` too. */
  cases: { total: number; suppressed: number; byTier: Record<string, number>; byTeam: Record<string, number>; byStatus: Record<string, number> };
  firstResponse: { byTier: Record<string, Percentiles>; byTeam: Record<string, Percentiles> };
  resolution: { byTier: Record<string, Percentiles>; byTeam: Record<string, Percentiles> };
  /** Escalated cases over all cases, by the tier that routing first chose. */
  escalation: { byTier: Record<string, { cases: number; escalated: number; rate: number | null }> };
  slaBreaches: { total: number; byTier: Record<string, number>; byTeam: Record<string, number> };
  ruleHits: Array<{ ruleId: string | null; ruleSetVersion: number; cases: number }>;
}
