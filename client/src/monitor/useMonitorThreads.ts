import { useCallback, useEffect, useReducer, useState } from 'react';
import { listMonitorThreads } from '../api/monitor.js';
import { useLive } from '../live/LiveContext.js';
import { EMPTY_THREAD_LIST, threadListReducer } from './threadListState.js';

type LoadStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** Public threads for the monitor, page by page, kept current by live events. */
export function useMonitorThreads() {
  const [state, dispatch] = useReducer(threadListReducer, EMPTY_THREAD_LIST);
  const [load, setLoad] = useState<LoadStatus>({ kind: 'loading' });
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const live = useLive();

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ kind: 'loading' });
    listMonitorThreads(null, abort.signal).then(
      (page) => {
        dispatch({ type: 'loaded', threads: page.threads, append: false });
        setNextCursor(page.nextCursor);
        setLoad({ kind: 'ready' });
      },
      (error: Error) => {
        if (!abort.signal.aborted) setLoad({ kind: 'error', message: error.message });
      },
    );
    return () => abort.abort();
  }, [generation]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await listMonitorThreads(nextCursor);
      dispatch({ type: 'loaded', threads: page.threads, append: true });
      setNextCursor(page.nextCursor);
    } catch (error) {
      setMoreError((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  useEffect(() => {
    if (!live) return;
    const offs = [
      live.on('thread:upsert', ({ thread, seq }) => dispatch({ type: 'upsert', thread, seq })),
      live.on('thread:removed', ({ threadId, seq }) => dispatch({ type: 'removed', threadId, seq })),
      live.onResync(reload),
    ];
    return () => offs.forEach((off) => off());
  }, [live, reload]);

  const reveal = useCallback(() => dispatch({ type: 'reveal' }), []);
  return { ...state, load, hasMore: nextCursor !== null, loadingMore, moreError, loadMore, reload, reveal };
}
