import type { Case, RoutingTraceStep } from '../../api/types.js';

/** Why the case was routed here: the deciding rule (or the fallback), the trace of earlier rules with why each did not match, and whether it moved since. */
export function RoutingInfo({ item }: { item: Case }) {
  const { ruleId, ruleSetVersion } = item.routing;
  const trace: RoutingTraceStep[] = item.routing.trace ?? [];
  const decider = ruleId ? <>Rule <code>{ruleId}</code></> : 'No rule matched: the fallback';
  return (
    <section className="routing" aria-labelledby="routing-title">
      <h2 id="routing-title">Why it is here</h2>
      <p>
        {decider} of rule set version {ruleSetVersion}{' '}
        {item.escalated ? <>routed it; it was escalated since and is now with team <strong>{item.team}</strong>, tier {item.tier} (see History).</> : <>routed it to team <strong>{item.team}</strong>, tier {item.tier}.</>}
      </p>
      {trace.length > 0 && (
        <>
          <h3 className="trace-title">Rules checked, in order (version {ruleSetVersion})</h3>
          <ol className="trace">
            {trace.map((step) => <TraceLine key={step.ruleId} step={step} />)}
            {!ruleId && <li className="trace-fallback"><strong>Fallback</strong>: no rule matched, so the fallback decided</li>}
          </ol>
        </>
      )}
    </section>
  );
}

function TraceLine({ step }: { step: RoutingTraceStep }) {
  const rule = <><code>{step.ruleId}</code>{step.name ? ` (${step.name})` : ''}</>;
  if (step.result === 'matched') {
    return <li className="trace-matched" aria-current="true"><strong>{rule}: matched, decided ✓</strong></li>;
  }
  if (step.result === 'disabled') {
    return <li className="trace-disabled">{rule}: skipped, disabled{step.why ? ` (${step.why})` : ''}</li>;
  }
  return (
    <li className="trace-no-match">
      {rule}: did not match{step.why ? <>: <span className="trace-why">{step.why}</span></> : null}
      {step.pointer && <span className="trace-pointer muted"> at <code>{step.pointer}</code></span>}
    </li>
  );
}
