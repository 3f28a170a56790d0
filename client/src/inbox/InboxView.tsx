import { useCallback, useEffect, useState } from 'react';
import type { Case, CaseFilters } from '../api/types.js';
import { navigate } from '../app/router.js';
import { Empty, ErrorState, Loading } from '../ui/States.js';
import { CaseList } from './CaseList.js';
import { filtersFromQuery, isFiltered, queryFromFilters } from './inboxQuery.js';
import { InboxFilters } from './InboxFilters.js';
import { KeyboardHelp } from './KeyboardHelp.js';
import { useSession } from '../session/SessionContext.js';
import { useCaseList } from './useCaseList.js';
import { useQuickActions } from './useQuickActions.js';
import { useTriageKeys } from './useTriageKeys.js';

/** The agents' inbox: filters, the live case list with an "N new" marker, keyboard triage. */
export function InboxView() {
  const [filters, setFilters] = useState<CaseFilters>(() => filtersFromQuery(window.location.search));
  const { session } = useSession();
  const list = useCaseList(filters, session.user.username);
  const quick = useQuickActions(list.applyCase, list.reload, session.user.username);
  const [selected, setSelected] = useState(-1);
  const [focusToken, setFocusToken] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);

  // A case that left the list (filters, another team) must not leave the selection past its end.
  const count = list.cases.length;
  useEffect(() => {
    if (selected >= count) setSelected(count - 1);
  }, [selected, count]);

  const changeFilters = (next: CaseFilters) => {
    setFilters(next);
    setSelected(-1);
    window.history.replaceState(null, '', `/inbox${queryFromFilters(next)}`);
  };

  const move = (delta: number) => {
    if (list.cases.length === 0) return;
    setSelected((index) => Math.min(list.cases.length - 1, Math.max(0, index + delta)));
    setFocusToken((n) => n + 1);
  };
  const withSelected = (act: (item: Case) => void) => () => {
    const item = list.cases[selected];
    if (item) act(item);
  };
  useTriageKeys({
    next: () => move(1),
    previous: () => move(-1),
    open: withSelected((item) => navigate(`/cases/${encodeURIComponent(item.id)}`)),
    reply: withSelected((item) => navigate(`/cases/${encodeURIComponent(item.id)}?focus=reply`)),
    resolve: withSelected(quick.resolve),
    assignToMe: withSelected(quick.assignToMe),
    help: () => setHelpOpen(true),
  }, !helpOpen);

  const { hasMore, loadMore } = list;
  const onNearEnd = useCallback(() => {
    if (hasMore) void loadMore();
  }, [hasMore, loadMore]);

  const reveal = () => {
    list.reveal();
    setSelected(0);
    setFocusToken((n) => n + 1);
  };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <div className="inbox-head">
        <h1 id="inbox-title">Inbox</h1>
        <InboxFilters filters={filters} teams={session.user.teams} onChange={changeFilters} />
        <button type="button" className="secondary" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">Shortcuts (?)</button>
      </div>
      <div role="status" className="quick-notice">
        {quick.notice && <p className={quick.notice.kind === 'error' ? 'form-error' : 'form-info'}>{quick.notice.text}</p>}
      </div>
      <div aria-live="polite" className="new-marker-slot">
        {list.pending.length > 0 && (
          <button type="button" className="new-marker" onClick={reveal}>
            {list.pending.length} new {list.pending.length === 1 ? 'case' : 'cases'}: show
          </button>
        )}
      </div>
      {list.load.kind === 'loading' && <Loading label="Loading cases" />}
      {list.load.kind === 'error' && <ErrorState message={`Could not load cases: ${list.load.message}`} onRetry={list.reload} />}
      {list.load.kind === 'ready' && list.cases.length === 0 && <Empty>No cases here{isFiltered(filters) ? ' with these filters' : ''}. New ones appear as they arrive.</Empty>}
      {list.load.kind === 'ready' && list.cases.length > 0 && (
        <CaseList cases={list.cases} breached={list.breached} selected={selected} focusToken={focusToken} onSelect={setSelected} onNearEnd={onNearEnd} />
      )}
      {list.loadingMore && <Loading label="Loading more cases" />}
      {list.moreError && <ErrorState message={`Could not load more cases: ${list.moreError}`} onRetry={() => void list.loadMore()} />}
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
