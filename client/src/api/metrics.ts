import { queryString, request } from './http.js';

export interface Percentiles {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
}

/** GET /api/metrics: figures over cases opened in [from, to) (the server's shape). */
export interface Metrics {
  from: string | null;
  to: string | null;
  cases: { total: number; byTier: Record<string, number>; byTeam: Record<string, number>; byStatus: Record<string, number> };
  firstResponse: { byTier: Record<string, Percentiles>; byTeam: Record<string, Percentiles> };
  resolution: { byTier: Record<string, Percentiles>; byTeam: Record<string, Percentiles> };
  escalation: { byTier: Record<string, { cases: number; escalated: number; rate: number | null }> };
  slaBreaches: { total: number; byTier: Record<string, number>; byTeam: Record<string, number> };
  ruleHits: Array<{ ruleId: string | null; ruleSetVersion: number; cases: number }>;
}

/** The care figures for a period (either end open); agents get their teams', admins everyone's. */
export function getMetrics(range: { from: string | null; to: string | null }, signal?: AbortSignal): Promise<Metrics> {
  return request<Metrics>(`/api/metrics${queryString({ from: range.from, to: range.to })}`, { signal });
}
