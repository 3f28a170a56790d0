import { useCallback, useState } from 'react';
import { patchCase } from '../api/cases.js';
import { ApiError } from '../api/http.js';
import type { Case, CasePatch } from '../api/types.js';

/** Resolve and assign-to-me from the list (keys e and a), with the version the row shows; a stale row reloads the list. */
export function useQuickActions(applyCase: (item: Case) => void, reload: () => void, username: string) {
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const change = useCallback(async (item: Case, patch: CasePatch, done: string) => {
    setNotice(null);
    try {
      applyCase(await patchCase(item.id, { ...patch, version: item.version }));
      setNotice({ kind: 'info', text: done });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setNotice({ kind: 'error', text: 'That case changed meanwhile; the list has been reloaded. Try again.' });
        reload();
      } else {
        setNotice({ kind: 'error', text: `Not saved: ${(error as Error).message}` });
      }
    }
  }, [applyCase, reload]);

  const customer = (item: Case) => item.customer.name || item.customer.handle || item.customer.id;
  const resolve = useCallback((item: Case) => void change(item, { status: 'resolved' }, `Resolved the case of ${customer(item)}.`), [change]);
  const assignToMe = useCallback((item: Case) => void change(item, { assignee: username }, `Assigned the case of ${customer(item)} to you.`), [change, username]);
  return { notice, resolve, assignToMe };
}
