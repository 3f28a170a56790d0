import { useCallback, useEffect, useState } from 'react';
import { getCase } from '../../api/cases.js';
import type { Case, CaseDetail } from '../../api/types.js';
import { useLive } from '../../live/LiveContext.js';

type DetailState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string; status: number | undefined }
  | { kind: 'ready'; detail: CaseDetail };

/** One case with its thread and history, kept current by live events; `reload` fetches it again. */
export function useCaseDetail(id: string) {
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  const live = useLive();

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
      return { kind: 'ready', detail: { ...current.detail, case: next } };
    });
  }, []);

  useEffect(() => {
    if (!live) return;
    const offs = [
      live.on('case:upsert', ({ case: item }) => {
        if (item.id !== id) return;
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
      live.onResync(reload),
    ];
    return () => offs.forEach((off) => off());
  }, [live, id, reload, replaceCase]);

  return { state, reload, replaceCase };
}
