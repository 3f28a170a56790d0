import { useCallback, useEffect, useState } from 'react';
import { getCase } from '../../api/cases.js';
import type { Case, CaseDetail, CaseEvent } from '../../api/types.js';
import { useLive } from '../../live/LiveContext.js';

type DetailState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; status: number | undefined }
  | { kind: 'ready'; detail: CaseDetail };

/** One case with its thread and history, kept current by live events; `reload` fetches it again. */
export function useCaseDetail(id: string) {
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  // Moved to a team outside the user's (live `case:removed`): the view says so instead of showing a stale copy.
  const [removed, setRemoved] = useState(false);
  const live = useLive();

  useEffect(() => setRemoved(false), [id]);

  useEffect(() => {
    const abort = new AbortController();
    getCase(id, abort.signal).then(
      (detail) => setState({ kind: 'ready', detail }),
      (error: Error & { status?: number }) => {
        if (!abort.signal.aborted) setState({ kind: 'error', message: error.message, status: error.status });
      },
    );
    return () => abort.abort();
  }, [id, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  /** Puts a newer copy of the case in place (after our own PATCH or a live update). */
  const replaceCase = useCallback((next: Case) => {
    setState((current) => {
      if (current.kind !== 'ready' || current.detail.case.version > next.version) return current;
      // Lists and live events carry no trace (only the detail does): keep the one we have.
      const trace = next.routing.trace ?? current.detail.case.routing.trace;
      return { kind: 'ready', detail: { ...current.detail, case: trace ? { ...next, routing: { ...next.routing, trace } } : next } };
    });
  }, []);

  /** Adds an event of ours (a note) to the history at once, in seq order; the reload a live update brings replaces it. */
  const addEvent = useCallback((event: CaseEvent) => {
    setState((current) => {
      if (current.kind !== 'ready' || current.detail.events.some((e) => e.id === event.id)) return current;
      const events = [...current.detail.events, event].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      return { kind: 'ready', detail: { ...current.detail, events } };
    });
  }, []);

  useEffect(() => {
    if (!live) return;
    const offs = [
      live.on('case:upsert', ({ case: item }) => {
        if (item.id !== id) return;
        // Back in one of the user's teams (moved back, or a stale removal).
        setRemoved(false);
        replaceCase(item);
        // The history (and our replies' delivery) changed with it: fetch them.
        reload();
      }),
      live.on('message:new', ({ caseId, message }) => {
        if (caseId !== id) return;
        setState((current) => {
          if (current.kind !== 'ready') return current;
          const { messages } = current.detail;
          // A message seen before (our reply, now sent or failed) is replaced; a new one goes last.
          const next = messages.some((m) => m.id === message.id) ? messages.map((m) => (m.id === message.id ? message : m)) : [...messages, message];
          return { kind: 'ready', detail: { ...current.detail, messages: next } };
        });
      }),
      live.on('case:removed', ({ caseId }) => {
        if (caseId === id) setRemoved(true);
      }),
      live.onResync(reload),
    ];
    return () => offs.forEach((off) => off());
  }, [live, id, reload, replaceCase]);

  return { state, reload, replaceCase, addEvent, removed };
}
