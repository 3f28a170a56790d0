import { useSession } from '../session/SessionContext.js';
import { formatDateTime } from '../ui/formatTime.js';
import { ErrorState, Loading } from '../ui/States.js';
import { BacktestPanel } from './BacktestPanel.js';
import { DecisionEditor } from './DecisionEditor.js';
import { LocaleEditor } from './LocaleEditor.js';
import { RuleList } from './RuleList.js';
import { TestMessagePanel } from './TestMessagePanel.js';
import { useRulesAdmin } from './useRulesAdmin.js';
import { VersionsPanel } from './VersionsPanel.js';

/** The ordered routing rules: admins reorder, edit, test, backtest, save a draft, publish and roll back; agents read. */
export function RulesView() {
  const { session } = useSession();
  const readOnly = session.user.role !== 'admin';
  const admin = useRulesAdmin();
  const { loaded, copy } = admin;

  if (admin.loadError) return <ErrorState message={`Could not load the rules: ${admin.loadError}`} onRetry={() => void admin.load()} />;
  if (!loaded || !copy) return <Loading label="Loading the rules" />;

  const { active, draft } = loaded;
  const canPublish = !readOnly && draft !== null && draft.valid && !copy.dirty && !admin.busy;
  return (
    <section className="rules" aria-labelledby="rules-title">
      <div className="inbox-head">
        <h1 id="rules-title">Rules</h1>
        <p className="muted">
          Version {active.version} in force since {formatDateTime(active.publishedAt)}{active.publishedBy ? ` (${active.publishedBy})` : ''}.{' '}
          {draft ? `Draft ${draft.version} saved ${formatDateTime(draft.updatedAt)}${draft.updatedBy ? ` by ${draft.updatedBy}` : ''}: ${draft.valid ? 'valid' : 'invalid'}.` : 'No draft.'}
          {copy.dirty && ' Unsaved changes.'}
        </p>
      </div>
      {!readOnly && (
        <div className="toolbar">
          <button type="button" onClick={() => void admin.save()} disabled={admin.busy || !copy.dirty}>Save draft</button>
          <button type="button" onClick={() => void admin.publish()} disabled={!canPublish} title={canPublish ? undefined : 'Save a valid draft first'}>Publish draft</button>
          <button type="button" className="secondary" onClick={admin.discard} disabled={!copy.dirty}>Discard changes</button>
          <button type="button" className="secondary" onClick={() => admin.edit({ type: 'add' })}>Add a rule</button>
        </div>
      )}
      <div role="status" aria-live="polite" className="rules-notice">
        {admin.notice && <p className={admin.notice.kind === 'error' ? 'form-error' : 'form-info'}>{admin.notice.text}</p>}
      </div>
      <div className="rules-body">
        <div className="rules-main">
          <p className="muted">Rules are tried in this order; the first enabled rule that matches decides. {admin.warnings.length > 0 && 'Warnings are from the last save.'}</p>
          <RuleList copy={copy} warnings={admin.warnings} errors={admin.errors} readOnly={readOnly} onEdit={admin.edit} />
          <section className="fallback" aria-labelledby="fallback-title">
            <h2 id="fallback-title">When no rule matches</h2>
            {readOnly
              ? <p>Tier {copy.ruleSet.fallback.tier}, team {copy.ruleSet.fallback.team}</p>
              : <DecisionEditor decision={copy.ruleSet.fallback} pointer="/fallback" errors={admin.errors} onChange={(fallback) => admin.edit({ type: 'fallback', ruleSet: { ...copy.ruleSet, fallback } })} />}
          </section>
          <section className="locale" aria-labelledby="locale-title">
            <h2 id="locale-title">Where customers are</h2>
            <LocaleEditor ruleSet={copy.ruleSet} errors={admin.errors} readOnly={readOnly} onChange={(ruleSet) => admin.edit({ type: 'settings', ruleSet })} />
          </section>
        </div>
        {!readOnly && (
          <aside className="rules-side" aria-label="Try the rules">
            <TestMessagePanel ruleSet={copy.ruleSet} />
            <BacktestPanel ruleSet={copy.ruleSet} />
            <VersionsPanel activeVersion={active.version} onRolledBack={() => {
              admin.setNotice(null);
              void admin.load();
            }} />
          </aside>
        )}
      </div>
    </section>
  );
}
