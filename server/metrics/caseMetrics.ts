import type { PipelineStage, Store, TeamScope } from '../store/index.js';
import type { CaseMetrics } from './metricsShape.js';

export type { CaseMetrics, Percentiles } from './metricsShape.js';

type Row = Record<string, unknown> & { _id: unknown };

const durations = (field: 'firstResponseAt' | 'resolvedAt', by: string): PipelineStage[] => [
  { $match: { [field]: { $ne: null } } },
  { $project: { key: `$${by}`, ms: { $subtract: [`$${field}`, '$createdAt'] } } },
  { $group: { _id: '$key', count: { $sum: 1 }, p: { $percentile: { input: '$ms', p: [0.5, 0.9], method: 'approximate' } } } },
];

/**
 * The figures a care lead watches, over cases opened in [from, to): counts,
 * first-response and resolution times (p50, p90), escalation rate, missed
 * targets and hits per rule. One aggregation pipeline (with $facet) that runs
 * the same on MongoDB and the embedded backend, over the caller's teams only.
 */
export async function caseMetrics(props: { store: Store; scope: TeamScope; from?: Date; to?: Date }): Promise<CaseMetrics> {
  const period: Record<string, Date> = {};
  if (props.from) period.$gte = props.from;
  if (props.to) period.$lt = props.to;
  const [facets] = await props.store.collections.cases.aggregate<Record<string, Row[]>>(props.scope, [
    ...(Object.keys(period).length > 0 ? [{ $match: { createdAt: period } }] : []),
    {
      $facet: {
        byTier: [{ $group: { _id: '$tier', n: { $sum: 1 } } }],
        byTeam: [{ $group: { _id: '$team', n: { $sum: 1 } } }],
        byStatus: [{ $group: { _id: '$status', n: { $sum: 1 } } }],
        firstResponseByTier: durations('firstResponseAt', 'tier'),
        firstResponseByTeam: durations('firstResponseAt', 'team'),
        resolutionByTier: durations('resolvedAt', 'tier'),
        resolutionByTeam: durations('resolvedAt', 'team'),
        escalation: [{ $group: { _id: '$routing.tier', n: { $sum: 1 }, escalated: { $sum: { $cond: [{ $gt: ['$escalations', 0] }, 1, 0] } } } }],
        breachesByTier: [{ $match: { slaBreachedAt: { $ne: null } } }, { $group: { _id: '$tier', n: { $sum: 1 } } }],
        breachesByTeam: [{ $match: { slaBreachedAt: { $ne: null } } }, { $group: { _id: '$team', n: { $sum: 1 } } }],
        ruleHits: [{ $group: { _id: { ruleId: '$routing.ruleId', ruleSetVersion: '$routing.ruleSetVersion' }, n: { $sum: 1 } } }, { $sort: { n: -1 } }],
      },
    },
  ]);
  const f = facets ?? {};
  const counts = (rows: Row[] = []) => Object.fromEntries(rows.map((row) => [String(row._id), row.n as number]));
  const percentiles = (rows: Row[] = []) =>
    Object.fromEntries(rows.map((row) => {
      const [p50, p90] = (row.p as number[] | undefined) ?? [];
      return [String(row._id), { count: row.count as number, p50Ms: p50 ?? null, p90Ms: p90 ?? null }];
    }));
  const byTier = counts(f.byTier);
  return {
    from: props.from?.toISOString() ?? null,
    to: props.to?.toISOString() ?? null,
    cases: { total: Object.values(byTier).reduce((sum, n) => sum + n, 0), byTier, byTeam: counts(f.byTeam), byStatus: counts(f.byStatus) },
    firstResponse: { byTier: percentiles(f.firstResponseByTier), byTeam: percentiles(f.firstResponseByTeam) },
    resolution: { byTier: percentiles(f.resolutionByTier), byTeam: percentiles(f.resolutionByTeam) },
    escalation: {
      byTier: Object.fromEntries((f.escalation ?? []).map((row) => {
        const cases = row.n as number;
        const escalated = row.escalated as number;
        return [String(row._id), { cases, escalated, rate: cases > 0 ? escalated / cases : null }];
      })),
    },
    slaBreaches: { total: Object.values(counts(f.breachesByTier)).reduce((sum, n) => sum + n, 0), byTier: counts(f.breachesByTier), byTeam: counts(f.breachesByTeam) },
    ruleHits: (f.ruleHits ?? []).map((row) => {
      const key = row._id as { ruleId: string | null; ruleSetVersion: number };
      return { ruleId: key.ruleId ?? null, ruleSetVersion: key.ruleSetVersion, cases: row.n as number };
    }),
  };
}
