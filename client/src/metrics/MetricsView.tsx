import { useState } from 'react';
import type { Metrics } from '../api/metrics.js';
import { ErrorState, Loading } from '../ui/States.js';
import { countRows, tierLabel, timeRows, type CountRow, type RangeChoice } from './chartRows.js';
import { CountChart } from './CountChart.js';
import { RangePicker } from './RangePicker.js';
import { TimesChart } from './TimesChart.js';
import { useMetrics } from './useMetrics.js';

/** Response and resolution times, escalations, volumes, missed targets and rule hits over a chosen period. */
export function MetricsView() {
  const [choice, setChoice] = useState<RangeChoice>({ preset: '7d' });
  const [generation, setGeneration] = useState(0);
  const state = useMetrics(choice, generation);
  return (
    <section className="metrics" aria-labelledby="metrics-title">
      <div className="inbox-head">
        <h1 id="metrics-title">Metrics</h1>
        <RangePicker value={choice} onChange={setChoice} />
        <button type="button" className="secondary" onClick={() => setGeneration((n) => n + 1)}>Refresh</button>
      </div>
      {state.kind === 'loading' && <Loading label="Loading metrics" />}
      {state.kind === 'error' && <ErrorState message={`Could not load metrics: ${state.message}`} onRetry={() => setGeneration((n) => n + 1)} />}
      {state.kind === 'ready' && <Figures metrics={state.metrics} />}
    </section>
  );
}

function Figures({ metrics }: { metrics: Metrics }) {
  const escalated = Object.values(metrics.escalation.byTier).reduce((sum, tier) => sum + tier.escalated, 0);
  const escalationRows: CountRow[] = Object.keys(metrics.escalation.byTier).sort().map((tier) => ({
    name: tierLabel(tier),
    value: Math.round((metrics.escalation.byTier[tier]?.rate ?? 0) * 1000) / 10,
  }));
  const ruleRows: CountRow[] = metrics.ruleHits.map((hit) => ({ name: `${hit.ruleId ?? '(fallback)'} v${hit.ruleSetVersion}`, value: hit.cases }));
  return (
    <>
      <dl className="summary">
        <div><dt>Cases opened</dt><dd>{metrics.cases.total}</dd></div>
        <div><dt>Escalated</dt><dd>{escalated}{metrics.cases.total > 0 ? ` (${Math.round((escalated / metrics.cases.total) * 1000) / 10}%)` : ''}</dd></div>
        <div><dt>Missed response-time targets</dt><dd>{metrics.slaBreaches.total}</dd></div>
      </dl>
      <div className="charts">
        <TimesChart title="First response time by tier" rows={timeRows(metrics.firstResponse.byTier, tierLabel)} />
        <TimesChart title="Resolution time by tier" rows={timeRows(metrics.resolution.byTier, tierLabel)} />
        <TimesChart title="First response time by team" rows={timeRows(metrics.firstResponse.byTeam)} />
        <TimesChart title="Resolution time by team" rows={timeRows(metrics.resolution.byTeam)} />
        <CountChart title="Cases per tier" rows={countRows(metrics.cases.byTier, tierLabel)} empty="No cases were opened in this period." />
        <CountChart title="Cases per team" rows={countRows(metrics.cases.byTeam)} empty="No cases were opened in this period." />
        <CountChart title="Cases per status" rows={countRows(metrics.cases.byStatus)} empty="No cases were opened in this period." />
        <CountChart title="Escalation rate by routed tier" rows={escalationRows} unit="%" empty="No routed cases in this period." />
        <CountChart title="Missed targets per team" rows={countRows(metrics.slaBreaches.byTeam)} empty="No response target was missed in this period." />
        <CountChart title="Hits per rule" rows={ruleRows} empty="No cases were routed in this period." />
      </div>
    </>
  );
}
