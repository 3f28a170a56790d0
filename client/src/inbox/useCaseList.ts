import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { listCases } from '../api/cases.js';
import type { Case, CaseFilters } from '../api/types.js';
import { useLive } from '../live/LiveContext.js';
import { caseListReducer, EMPTY_CASE_LIST, matchesFilters } from './caseListState.js';

type LoadStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** The inbox's cases for some filters: the first page, more on demand, and live arrivals and updates. */
export function useCaseList(filters: CaseFilters) {
  const [state, dispatch] = useReducer(caseListReducer, EMPTY_CASE_LIST);
  const [load, setLoad] = useState<LoadStatus>({ kind: 'loading' });
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const live = useLive();

  const { status, tier, team } = filters;
  useEffect(() => {
    const abort = new AbortController();
    setLoad({ kind: 'loading' });
    listCases({ status, tier, team }, null, abort.signal).then(
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
  }, [status, tier, team, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await listCases(filtersRef.current, nextCursor);
      dispatch({ type: 'loaded', cases: page.cases, append: true });
      setNextCursor(page.nextCursor);
    } catch (error) {
      setMoreError((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor, loadingMore]);

  useEffect(() => {
    if (!live) return;
    const offs = [
      live.on('case:upsert', ({ case: item, seq }) => dispatch({ type: 'upsert', case: item, seq, matches: matchesFilters(item, filtersRef.current) })),
      live.on('sla:breach', ({ caseId }) => dispatch({ type: 'breach', caseId })),
      live.onResync(reload),
    ];
    return () => offs.forEach((off) => off());
  }, [live, reload]);

  const reveal = useCallback(() => dispatch({ type: 'reveal' }), []);
  /** Puts a case this user just changed in place (newer versions win; live events may bring it too). */
  const applyCase = useCallback((item: Case) => dispatch({ type: 'upsert', case: item, matches: true }), []);

  return { ...state, load, hasMore: nextCursor !== null, loadingMore, moreError, loadMore, reload, reveal, applyCase };
}
