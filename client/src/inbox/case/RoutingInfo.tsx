import type { Case } from '../../api/types.js';

const RESULT_WORDS: Record<string, string> = { matched: 'decided', 'no-match': 'did not match', disabled: 'disabled' };

/** Why the case was routed here: the deciding rule (or the fallback) and, when stored, the trace of earlier rules; and whether it moved since. */
export function RoutingInfo({ item }: { item: Case }) {
  const { ruleId, ruleSetVersion, trace } = item.routing;
  const decider = ruleId ? <>Rule <code>{ruleId}</code></> : 'No rule matched: the fallback';
  return (
    <section className="routing" aria-labelledby="routing-title">
      <h2 id="routing-title">Why it is here</h2>
      <p>
        {decider} of rule set version {ruleSetVersion}{' '}
        {item.escalated ? <>routed it; it was escalated since and is now with team <strong>{item.team}</strong>, tier {item.tier} (see History).</> : <>routed it to team <strong>{item.team}</strong>, tier {item.tier}.</>}
      </p>
      {trace && trace.length > 0 && (
        <ol className="trace">
          {trace.map((step) => (
            <li key={step.ruleId} className={`trace-${step.result}`}>
              <code>{step.ruleId}</code>: {RESULT_WORDS[step.result] ?? step.result}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
