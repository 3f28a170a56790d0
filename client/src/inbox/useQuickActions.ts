import { useCallback, useState } from 'react';
import { patchCase } from '../api/cases.js';
import { ApiError } from '../api/http.js';
import type { Case, CasePatch } from '../api/types.js';
import { undoStatus } from './undoStatus.js';

export type QuickNotice = { kind: 'error' | 'info'; text: string; undo?: () => void } | null;

interface QuickActionsProps {
  applyCase(item: Case): void;
  /** Puts an undone case back at its row of the list and gives that row the focus. */
  restoreCase(item: Case, index: number): void;
  reload(): void;
  username: string;
}

/** Resolve (with Undo) and assign-to-me from the list (keys e and a), with the version the row shows; a stale row reloads the list. */
export function useQuickActions({ applyCase, restoreCase, reload, username }: QuickActionsProps) {
  const [notice, setNotice] = useState<QuickNotice>(null);

  const failed = useCallback((error: unknown, what: string) => {
    if (error instanceof ApiError && error.status === 409) {
      setNotice({ kind: 'error', text: 'That case changed meanwhile; the list has been reloaded. Try again.' });
      reload();
    } else {
      setNotice({ kind: 'error', text: `${what}: ${(error as Error).message}` });
    }
  }, [reload]);

  const change = useCallback(async (item: Case, patch: CasePatch, done: string) => {
    setNotice(null);
    try {
      applyCase(await patchCase(item.id, { ...patch, version: item.version }));
      setNotice({ kind: 'info', text: done });
    } catch (error) {
      failed(error, 'Not saved');
    }
  }, [applyCase, failed]);

  const resolve = useCallback(async (item: Case, index: number) => {
    if (item.status === 'resolved') {
      setNotice({ kind: 'info', text: `The case of ${customerOf(item)} is already resolved.` });
      return;
    }
    setNotice(null);
    try {
      const saved = await patchCase(item.id, { status: 'resolved', version: item.version });
      applyCase(saved);
      // Resolving without a reply is allowed (thanks, noise), but easy to do by mistake: say so, and offer the way back.
      const unanswered = item.firstResponseAt === null;
      setNotice({
        kind: 'info',
        text: `Resolved the case of ${customerOf(item)}${unanswered ? ' without a reply from us' : ''}.`,
        undo: () => void patchCase(saved.id, { status: undoStatus(item.status), version: saved.version }).then((back) => {
          restoreCase(back, index);
          setNotice({ kind: 'info', text: `The case of ${customerOf(item)} is ${back.status} again.` });
        }, (error: unknown) => failed(error, 'Undo failed')),
      });
    } catch (error) {
      failed(error, 'Not saved');
    }
  }, [applyCase, restoreCase, failed]);

  const assignToMe = useCallback((item: Case) => void change(item, { assignee: username }, `Assigned the case of ${customerOf(item)} to you.`), [change, username]);
  return { notice, resolve, assignToMe };
}

function customerOf(item: Case): string {
  return item.customer.name || item.customer.handle || item.customer.id;
}
