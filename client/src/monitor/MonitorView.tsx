import { lazy, Suspense, useMemo } from 'react';
import { Empty, ErrorState, Loading } from '../ui/States.js';
import { ThreadCard } from './ThreadCard.js';
import { useMonitorThreads } from './useMonitorThreads.js';
import type { MonitorThread } from '../api/types.js';

function isSuppressed(thread: MonitorThread): boolean {
  return thread.status === 'suppressed';
}

// The charts library is large: load it after the threads are on screen.
const MonitorCharts = lazy(() => import('./MonitorCharts.js').then((module) => ({ default: module.MonitorCharts })));

/**
 * Marketing's read-only view of public conversations (never DMs or private
 * cases; personal data masked by the server), live: the charts count new
 * threads at once, the list shows them when asked ("N new"), so it never
 * moves under the reader.
 */
export function MonitorView() {
  const monitor = useMonitorThreads();
  // Suppressed threads (reposts, our own echoes: routing's `suppress`) are noise: counted apart, listed apart, left out of the charts.
  const charted = useMemo(() => [...monitor.pending, ...monitor.threads].filter((thread) => !isSuppressed(thread)), [monitor.pending, monitor.threads]);
  const listed = useMemo(() => monitor.threads.filter((thread) => !isSuppressed(thread)), [monitor.threads]);
  const suppressed = useMemo(() => monitor.threads.filter(isSuppressed), [monitor.threads]);
  return (
    <section className="monitor" aria-labelledby="monitor-title">
      <div className="inbox-head">
        <h1 id="monitor-title">Monitor</h1>
        <p className="muted">Public conversations, read-only. Personal data is masked.</p>
        <button type="button" className="secondary" onClick={monitor.reload}>Refresh</button>
      </div>
      <div aria-live="polite" className="new-marker-slot">
        {monitor.load.kind === 'ready' && monitor.pending.length > 0 && (
          <button type="button" className="new-marker" onClick={monitor.reveal}>
            {monitor.pending.length} new {monitor.pending.length === 1 ? 'thread' : 'threads'}: show
          </button>
        )}
      </div>
      {monitor.load.kind === 'loading' && <Loading label="Loading public threads" />}
      {monitor.load.kind === 'error' && <ErrorState message={`Could not load public threads: ${monitor.load.message}`} onRetry={monitor.reload} />}
      {monitor.load.kind === 'ready' && charted.length === 0 && <Empty>No public conversations yet.</Empty>}
      {monitor.load.kind === 'ready' && charted.length > 0 && (
        <Suspense fallback={<Loading label="Loading charts" />}>
          <MonitorCharts threads={charted} />
        </Suspense>
      )}
      {monitor.load.kind === 'ready' && listed.length > 0 && (
        <ul className="thread-cards" aria-label="Public threads">
          {listed.map((thread) => (
            <li key={thread.id}><ThreadCard thread={thread} /></li>
          ))}
        </ul>
      )}
      {monitor.load.kind === 'ready' && suppressed.length > 0 && (
        <details className="suppressed-threads">
          <summary>{suppressed.length} suppressed {suppressed.length === 1 ? 'thread' : 'threads'} (reposts, our own posts, other noise)</summary>
          <ul className="thread-cards" aria-label="Suppressed threads">
            {suppressed.map((thread) => (
              <li key={thread.id}><ThreadCard thread={thread} /></li>
            ))}
          </ul>
        </details>
      )}
      {monitor.moreError && <ErrorState message={`Could not load more: ${monitor.moreError}`} onRetry={() => void monitor.loadMore()} />}
      {monitor.hasMore && monitor.load.kind === 'ready' && (
        <button type="button" className="secondary" disabled={monitor.loadingMore} onClick={() => void monitor.loadMore()}>
          {monitor.loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
