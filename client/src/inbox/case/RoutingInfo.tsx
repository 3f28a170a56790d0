import type { Case } from '../../api/types.js';

const RESULT_WORDS: Record<string, string> = { matched: 'decided', 'no-match': 'did not match', disabled: 'disabled' };

/** Why the case was routed here: the deciding rule (or the fallback) and, when stored, the trace of earlier rules. */
export function RoutingInfo({ item }: { item: Case }) {
  const { ruleId, ruleSetVersion, trace } = item.routing;
  return (
    <section className="routing" aria-labelledby="routing-title">
      <h2 id="routing-title">Why it is here</h2>
      <p>
        {ruleId ? <>Rule <code>{ruleId}</code></> : 'No rule matched: the fallback'} of rule set version {ruleSetVersion} sent it to team <strong>{item.team}</strong>, tier {item.tier}.
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
