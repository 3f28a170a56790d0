import { businessMsBetween } from '../cases/businessHours.js';
import { loadTeamHours, type HoursOf } from '../cases/teamHoursLookup.js';
import type { PipelineStage, Store, TeamScope } from '../store/index.js';
import type { CaseMetrics, Percentiles } from './metricsShape.js';
import { nearestRank } from './percentiles.js';

export type { CaseMetrics, Percentiles } from './metricsShape.js';

type Row = Record<string, unknown> & { _id: unknown };
type Timed = { tier?: number; team?: string; createdAt: Date; firstMessageAt?: Date | null; firstResponseAt?: Date | null; resolvedAt?: Date | null };

const countBy = (key: string, ...before: PipelineStage[]): PipelineStage[] => [...before, { $group: { _id: key, n: { $sum: 1 } } }];

/**
 * The figures a care lead watches, over cases opened in [from, to): counts,
 * first-response and resolution times (p50, p90, from the customer's first message, in the team's business hours), escalation rate, missed
 * targets and hits per rule, over the caller's teams only. Several small
 * pipelines of the stages and operators every backend runs ($match, $group
 * with $sum, $project, $sort; no $facet or $percentile, which FerretDB
 * lacks), run side by side; percentiles are taken here from the durations.
 */
export async function caseMetrics(props: { store: Store; scope: TeamScope; from?: Date; to?: Date }): Promise<CaseMetrics> {
  const period: Record<string, Date> = {};
  if (props.from) period.$gte = props.from;
  if (props.to) period.$lt = props.to;
  const inPeriod: PipelineStage[] = Object.keys(period).length > 0 ? [{ $match: { createdAt: period } }] : [];
  const run = <R = Row>(stages: PipelineStage[]) => props.store.collections.cases.aggregate<R>(props.scope, [...inPeriod, ...stages]);
  const breached = { $match: { slaBreachedAt: { $ne: null } } };
  const hoursOfTeam = loadTeamHours(props.store);
  const [byTier, byTeam, byStatus, routed, escalated, breachesByTier, breachesByTeam, ruleHits, timed] = await Promise.all([
    run(countBy('$tier')),
    run(countBy('$team')),
    run(countBy('$status')),
    run(countBy('$routing.tier')),
    run(countBy('$routing.tier', { $match: { escalations: { $gt: 0 } } })),
    run(countBy('$tier', breached)),
    run(countBy('$team', breached)),
    run([{ $group: { _id: { ruleId: '$routing.ruleId', ruleSetVersion: '$routing.ruleSetVersion' }, n: { $sum: 1 } } }, { $sort: { n: -1 } }]),
    run<Timed>([
      { $match: { $or: [{ firstResponseAt: { $ne: null } }, { resolvedAt: { $ne: null } }] } },
      { $project: { _id: 0, tier: 1, team: 1, createdAt: 1, firstMessageAt: 1, firstResponseAt: 1, resolvedAt: 1 } },
    ]),
  ]);
  const hoursOf = await hoursOfTeam;
  const tiers = counts(byTier);
  const escalatedByTier = counts(escalated);
  const statuses = counts(byStatus);
  return {
    from: props.from?.toISOString() ?? null,
    to: props.to?.toISOString() ?? null,
    cases: { total: sum(tiers), suppressed: statuses.suppressed ?? 0, byTier: tiers, byTeam: counts(byTeam), byStatus: statuses },
    firstResponse: { byTier: durations(timed, 'firstResponseAt', 'tier', hoursOf), byTeam: durations(timed, 'firstResponseAt', 'team', hoursOf) },
    resolution: { byTier: durations(timed, 'resolvedAt', 'tier', hoursOf), byTeam: durations(timed, 'resolvedAt', 'team', hoursOf) },
    escalation: {
      byTier: Object.fromEntries(Object.entries(counts(routed)).map(([tier, cases]) => {
        const escalatedCases = escalatedByTier[tier] ?? 0;
        return [tier, { cases, escalated: escalatedCases, rate: cases > 0 ? escalatedCases / cases : null }];
      })),
    },
    slaBreaches: { total: sum(counts(breachesByTier)), byTier: counts(breachesByTier), byTeam: counts(breachesByTeam) },
    ruleHits: ruleHits.map((row) => {
      const key = row._id as { ruleId?: string | null; ruleSetVersion: number };
      return { ruleId: key.ruleId ?? null, ruleSetVersion: key.ruleSetVersion, cases: row.n as number };
    }),
  };
}

function counts(rows: Row[]): Record<string, number> {
  return Object.fromEntries(rows.map((row) => [String(row._id), row.n as number]));
}

function sum(byKey: Record<string, number>): number {
  return Object.values(byKey).reduce((total, n) => total + n, 0);
}

/** p50 and p90 of the business time (the case's team's open hours) from when the customer wrote (cases stored before firstMessageAt existed: when they were opened) to `field`, per tier or team, over the cases that have `field`. */
function durations(cases: readonly Timed[], field: 'firstResponseAt' | 'resolvedAt', by: 'tier' | 'team', hoursOf: HoursOf): Record<string, Percentiles> {
  const msByKey = new Map<string, number[]>();
  for (const item of cases) {
    const at = item[field];
    if (!at) continue;
    const key = String(item[by] ?? null);
    const list = msByKey.get(key) ?? [];
    list.push(businessMsBetween(hoursOf(String(item.team)), new Date(item.firstMessageAt ?? item.createdAt), new Date(at)));
    msByKey.set(key, list);
  }
  return Object.fromEntries([...msByKey].map(([key, ms]) => [key, { count: ms.length, p50Ms: nearestRank(ms, 0.5), p90Ms: nearestRank(ms, 0.9) }]));
}
