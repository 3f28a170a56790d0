import { useId, useState, type FormEvent } from 'react';
import { testMessage, type RuleSet, type TestedDecision } from '../api/rules.js';
import type { Channel } from '../api/types.js';

const RESULT_WORDS: Record<string, string> = { matched: 'matched: decides', 'no-match': 'did not match', disabled: 'disabled, skipped' };

/** "Test a message": routes a made-up message with the rules as edited, and shows the decision and why (the trace). */
export function TestMessagePanel({ ruleSet }: { ruleSet: RuleSet }) {
  const id = useId();
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>('public');
  const [handle, setHandle] = useState('customer');
  const [result, setResult] = useState<TestedDecision | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const message = { id: 'test:1', platform: 'x', channel, text, createdAt: new Date().toISOString(), author: { id: 'test-author', handle } };
      setResult(await testMessage(message, ruleSet));
    } catch (failure) {
      setResult(null);
      setError((failure as Error).message);
    }
  };

  const decision = result?.decision;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Test a message</h2>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-text`}>Message text</label>
        <textarea id={`${id}-text`} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        <div className="inline-fields">
          <label>Channel <select value={channel} onChange={(e) => setChannel(e.target.value as Channel)}><option value="public">public</option><option value="dm">dm</option></select></label>
          <label>Author handle <input type="text" value={handle} onChange={(e) => setHandle(e.target.value)} /></label>
          <button type="submit">Route it</button>
        </div>
      </form>
      <div role="status" aria-live="polite">
        {error && <p className="form-error">{error}</p>}
        {decision && (
          <div className="test-result">
            <p>
              <strong>{decision.ruleId ? `Rule ${decision.ruleId}` : 'No rule matched: the fallback'}</strong> decides: Tier {decision.tier}, team {decision.team}, priority {decision.priority}
              {decision.tags.length > 0 ? `, tags ${decision.tags.join(', ')}` : ''}.
              {decision.suppress && ' Suppressed: stored and counted, kept out of the inboxes, never answered.'}
            </p>
            {decision.reply && <p>Automatic reply: “{decision.reply}”</p>}
            {decision.trace && (
              <ol className="trace">
                {decision.trace.map((step) => <li key={step.ruleId} className={`trace-${step.result}`}><code>{step.ruleId}</code>: {RESULT_WORDS[step.result] ?? step.result}</li>)}
              </ol>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
