import { useCallback, useEffect, useState } from 'react';
import { listMonitorThreads } from '../api/monitor.js';
import type { MonitorThread } from '../api/types.js';

type LoadStatus = { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; message: string };

/** Public threads for the monitor, page by page. */
export function useMonitorThreads() {
  const [threads, setThreads] = useState<MonitorThread[]>([]);
  const [load, setLoad] = useState<LoadStatus>({ kind: 'loading' });
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ kind: 'loading' });
    listMonitorThreads(null, abort.signal).then(
      (page) => {
        setThreads(page.threads);
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
      setThreads((shown) => [...shown, ...page.threads]);
      setNextCursor(page.nextCursor);
    } catch (error) {
      setMoreError((error as Error).message);
    } finally {
      setLoadingMore(false);
    }
  }, [nextCursor]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { threads, load, hasMore: nextCursor !== null, loadingMore, moreError, loadMore, reload };
}
