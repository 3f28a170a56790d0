import { useId, useState, type FormEvent } from 'react';
import { backtest, type BacktestResult, type DecisionSummary, type RuleSet } from '../api/rules.js';
import { MessageText } from '../ui/MessageText.js';

const show = (decision: DecisionSummary) => `${decision.ruleId ?? 'fallback'} → Tier ${decision.tier}, ${decision.team}`;
/** Long posts are cut: the row is for recognising the message, the case has all of it. */
const clip = (text: string) => (text.length > 280 ? `${text.slice(0, 279)}…` : text);

/** Backtest: re-routes recent stored messages with the rules as edited and lists those whose rule, tier or team would change. */
export function BacktestPanel({ ruleSet }: { ruleSet: RuleSet }) {
  const id = useId();
  const [limit, setLimit] = useState(1000);
  const [result, setResult] = useState<BacktestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setError(null);
    try {
      setResult(await backtest(ruleSet, limit));
    } catch (failure) {
      setResult(null);
      setError((failure as Error).message);
    } finally {
      setRunning(false);
    }
  };

  const tierOrTeam = result?.changed.filter((change) => change.before.tier !== change.after.tier || change.before.team !== change.after.team) ?? [];
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Backtest</h2>
      <form onSubmit={submit} className="inline-fields">
        <label>Last <input type="number" min={1} max={10000} value={limit} onChange={(e) => setLimit(Number(e.target.value))} /> messages</label>
        <button type="submit" disabled={running}>{running ? 'Running…' : 'Run backtest'}</button>
      </form>
      <div role="status" aria-live="polite">
        {error && <p className="form-error">{error}</p>}
        {result && (
          <>
            <p>
              {result.total} messages re-routed against active version {result.activeVersion}: {result.changed.length} would be decided by another rule,
              {' '}{tierOrTeam.length} would go to another tier or team.
            </p>
            {result.changed.length > 0 && (
              <table className="backtest">
                <thead><tr><th scope="col">Message</th><th scope="col">Now (version {result.activeVersion})</th><th scope="col">With these rules</th></tr></thead>
                <tbody>
                  {result.changed.slice(0, 200).map((change) => (
                    <tr key={change.id}>
                      <td>
                        {change.text ? <MessageText text={clip(change.text)} /> : <p className="muted">(text erased)</p>}
                        <code className="muted">{change.id}</code>
                      </td>
                      <td>{show(change.before)}</td>
                      <td>{show(change.after)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {result.changed.length > 200 && <p className="muted">The first 200 of {result.changed.length} are shown.</p>}
          </>
        )}
      </div>
    </section>
  );
}
