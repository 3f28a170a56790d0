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
          {trace.length > SHOWN_OPEN ? (
            <details className="trace-details">
              <summary>{describeEarlier(trace)}: show why each did not match</summary>
              {/* The deciding line below says "Fallback" once; the folded list does not repeat it. */}
              <TraceList trace={trace} fallback={false} />
            </details>
          ) : (
            <TraceList trace={trace} fallback={!ruleId} />
          )}
          {trace.length > SHOWN_OPEN && <DecidingLine trace={trace} fallback={!ruleId} />}
        </>
      )}
    </section>
  );
}

// Past this many rules checked, the earlier ones fold away behind a summary and the deciding line stays in view.
const SHOWN_OPEN = 4;

function describeEarlier(trace: RoutingTraceStep[]): string {
  const earlier = trace.filter((step) => step.result !== 'matched').length;
  return `${earlier} earlier rule${earlier === 1 ? '' : 's'} did not decide`;
}

function TraceList({ trace, fallback }: { trace: RoutingTraceStep[]; fallback: boolean }) {
  return (
    <ol className="trace">
      {trace.map((step) => <TraceLine key={step.ruleId} step={step} />)}
      {fallback && <li className="trace-fallback"><strong>Fallback</strong>: no rule matched, so the fallback decided</li>}
    </ol>
  );
}

function DecidingLine({ trace, fallback }: { trace: RoutingTraceStep[]; fallback: boolean }) {
  const matched = trace.find((step) => step.result === 'matched');
  if (fallback || !matched) return <p className="trace-fallback"><strong>Fallback</strong>: no rule matched, so the fallback decided</p>;
  return <p className="trace-matched"><strong>Rule {trace.indexOf(matched) + 1}, <code>{matched.ruleId}</code>{matched.name ? ` (${matched.name})` : ''}: matched, decided ✓</strong></p>;
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
