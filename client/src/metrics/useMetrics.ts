import { useEffect, useState } from 'react';
import { getMetrics, type Metrics } from '../api/metrics.js';
import { rangeOf, type RangeChoice } from './chartRows.js';

type MetricsState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; metrics: Metrics };

/** The metrics for a period, fetched again when it changes or on `generation`. */
export function useMetrics(choice: RangeChoice, generation: number): MetricsState {
  const [state, setState] = useState<MetricsState>({ kind: 'loading' });
  const key = JSON.stringify(choice);
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: 'loading' });
    getMetrics(rangeOf(JSON.parse(key) as RangeChoice, Date.now()), abort.signal).then(
      (metrics) => setState({ kind: 'ready', metrics }),
      (error: Error) => {
        if (!abort.signal.aborted) setState({ kind: 'error', message: error.message });
      },
    );
    return () => abort.abort();
  }, [key, generation]);
  return state;
}
