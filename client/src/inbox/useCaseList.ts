import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { listCases } from '../api/cases.js';
import type { Case, CaseFilters } from '../api/types.js';
import { useLive } from '../live/LiveContext.js';
import { caseListReducer, EMPTY_CASE_LIST, matchesFilters } from './caseListState.js';

type LoadStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** The inbox's cases for some filters: the first page, more on demand, and live arrivals, updates and removals. `username` is who `me` stands for. */
export function useCaseList(filters: CaseFilters, username: string) {
  const [state, dispatch] = useReducer(caseListReducer, EMPTY_CASE_LIST);
  const [load, setLoad] = useState<LoadStatus>({ kind: 'loading' });
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const usernameRef = useRef(username);
  usernameRef.current = username;
  const live = useLive();

  const { status, tier, team, priority, tag, channel, assignee, active, snoozed, sort } = filters;
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ kind: 'loading' });
    setNextCursor(null);
    listCases({ status, tier, team, priority, tag, channel, assignee, active, snoozed, sort }, null, abort.signal).then(
      (page) => {
        dispatch({ type: 'loaded', cases: page.cases, append: false });
        setNextCursor(page.nextCursor);
        setLoad({ kind: 'ready' });
      },
      (error: Error) => {
        if (!abort.signal.aborted) setLoad({ kind: 'error', message: error.message });
      },
    );
    return () => abort.abort();
  }, [status, tier, team, priority, tag, channel, assignee, active, snoozed, sort, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    const asked = filtersRef.current;
    try {
      const page = await listCases(asked, nextCursor);
      // The filters changed meanwhile: this page belongs to the old list.
      if (filtersRef.current !== asked) return;
      dispatch({ type: 'loaded', cases: page.cases, append: true });
      setNextCursor(page.nextCursor);
    } catch (error) {
      setMoreError((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor, loadingMore]);

  const matches = useCallback((item: Case) => matchesFilters(item, filtersRef.current, usernameRef.current), []);

  useEffect(() => {
    if (!live) return;
    const offs = [
      live.on('case:upsert', ({ case: item, seq }) => dispatch({ type: 'upsert', case: item, seq, matches: matches(item) })),
      live.on('case:removed', ({ caseId, seq }) => dispatch({ type: 'removed', caseId, seq })),
      live.on('sla:breach', ({ caseId }) => dispatch({ type: 'breach', caseId })),
      live.onResync(reload),
    ];
    return () => offs.forEach((off) => off());
  }, [live, reload, matches]);

  const reveal = useCallback(() => dispatch({ type: 'reveal', sort: filtersRef.current.sort }), []);
  /** Puts a case this user just changed in place (newer versions win; live events may bring it too); one that no longer matches the filters leaves. */
  const applyCase = useCallback((item: Case) => dispatch({ type: 'upsert', case: item, matches: matches(item) }), [matches]);

  const restoreCase = useCallback((item: Case, index: number) => dispatch({ type: 'restore', case: item, index }), []);

  return { ...state, load, hasMore: nextCursor !== null, loadingMore, moreError, loadMore, reload, reveal, applyCase, restoreCase };
}
