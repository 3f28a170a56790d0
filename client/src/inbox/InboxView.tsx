import { useCallback, useEffect, useRef, useState } from 'react';
import type { Case, CaseFilters } from '../api/types.js';
import { navigate } from '../app/router.js';
import { Empty, ErrorState, Loading } from '../ui/States.js';
import { CaseList } from './CaseList.js';
import { filtersFromQuery, isFiltered, queryFromFilters } from './inboxQuery.js';
import { InboxFilters } from './InboxFilters.js';
import { KeyboardHelp } from './KeyboardHelp.js';
import { recallInbox, rememberInbox } from './inboxMemory.js';
import { QueueCounts } from './QueueCounts.js';
import { BulkBar } from './bulk/BulkBar.js';
import { NotifyControls } from '../notify/NotifyControls.js';
import { useDensity } from '../ui/useDensity.js';
import { useSession } from '../session/SessionContext.js';
import { useCaseList } from './useCaseList.js';
import { useQuickActions } from './useQuickActions.js';
import { useTriageKeys } from './useTriageKeys.js';

/** The agents' inbox: filters, the live case list with an "N new" marker, keyboard triage. */
export function InboxView() {
  const [filters, setFilters] = useState<CaseFilters>(() => filtersFromQuery(window.location.search));
  const { session } = useSession();
  const list = useCaseList(filters, session.user.username);
  // Back from a case (Esc, or the link): the same row selected and in view, with the focus.
  const [selected, setSelected] = useState(() => {
    const place = recallInbox();
    return place && place.address === window.location.search ? place.selected : -1;
  });
  const [focusToken, setFocusToken] = useState(0);
  const quick = useQuickActions({
    applyCase: list.applyCase,
    reload: list.reload,
    username: session.user.username,
    restoreCase: (item, index) => {
      list.restoreCase(item, index);
      setSelected(index);
      setFocusToken((n) => n + 1);
    },
  });
  const restoring = useRef(selected >= 0);
  useEffect(() => {
    if (!restoring.current || list.cases.length === 0) return;
    restoring.current = false;
    setFocusToken((n) => n + 1);
  }, [list.cases.length]);
  useEffect(() => {
    rememberInbox({ address: window.location.search, ids: list.cases.map((item) => item.id), selected });
  }, [list.cases, selected, filters]);
  const [helpOpen, setHelpOpen] = useState(false);
  const [density, setDensity] = useDensity();
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const check = (caseId: string, on: boolean) => setChecked((current) => {
    const next = new Set(current);
    if (on) next.add(caseId);
    else next.delete(caseId);
    return next;
  });
  const checkedCases = list.cases.filter((item) => checked.has(item.id));

  // A case that left the list (filters, another team) must not leave the selection past its end.
  const count = list.cases.length;
  useEffect(() => {
    // Not while the list is (re)loading: a selection restored from a case waits for its rows.
    if (list.load.kind === 'ready' && selected >= count) setSelected(count - 1);
  }, [selected, count, list.load.kind]);

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
    resolve: () => {
      const item = list.cases[selected];
      if (item) void quick.resolve(item, selected);
    },
    assignToMe: withSelected(quick.assignToMe),
    toggle: withSelected((item) => check(item.id, !checked.has(item.id))),
    help: () => setHelpOpen(true),
  }, !helpOpen);

  const { hasMore, loadMore } = list;
  const onNearEnd = useCallback(() => {
    if (hasMore) void loadMore();
  }, [hasMore, loadMore]);

  // The newest revealed case gets the selection and focus wherever the order put it (on top, or at its place by priority or due time).
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = () => {
    setRevealed(list.pending[0]?.id ?? null);
    list.reveal();
  };
  useEffect(() => {
    if (revealed === null) return;
    const index = list.cases.findIndex((item) => item.id === revealed);
    if (index < 0) return;
    setRevealed(null);
    setSelected(index);
    setFocusToken((n) => n + 1);
  }, [revealed, list.cases]);

  return (
    <section className={`inbox density-${density}`} aria-labelledby="inbox-title">
      <div className="inbox-head">
        <h1 id="inbox-title">Inbox</h1>
        <InboxFilters filters={filters} teams={session.user.teams} onChange={changeFilters} />
        <button type="button" className="secondary" onClick={() => setDensity(density === 'compact' ? 'comfortable' : 'compact')} aria-pressed={density === 'compact'}>Compact rows</button>
        <button type="button" className="secondary" onClick={() => setHelpOpen(true)} aria-keyshortcuts="?">Shortcuts (?)</button>
      </div>
      <div className="inbox-tools">
        <QueueCounts onShow={changeFilters} />
        <NotifyControls />
      </div>
      {/* Shown while anything is ticked, even when the cases left the list (resolved in the default view): their results stay readable. */}
      {checked.size > 0 && <BulkBar selected={checkedCases} username={session.user.username} onChanged={(items) => items.forEach(list.applyCase)} onClear={() => setChecked(new Set())} />}
      <div role="status" className="quick-notice">
        {quick.notice && (
          <p className={quick.notice.kind === 'error' ? 'form-error' : 'form-info'}>
            {quick.notice.text}{quick.notice.undo && <> <button type="button" className="secondary" onClick={quick.notice.undo}>Undo</button></>}
          </p>
        )}
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
        <CaseList checked={checked} onCheck={check} compact={density === 'compact'} cases={list.cases} breached={list.breached} selected={selected} focusToken={focusToken} onSelect={setSelected} onNearEnd={onNearEnd} />
      )}
      {list.loadingMore && <Loading label="Loading more cases" />}
      {list.moreError && <ErrorState message={`Could not load more cases: ${list.moreError}`} onRetry={() => void list.loadMore()} />}
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
