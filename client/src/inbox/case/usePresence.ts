import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseViewer, TypingWhat } from '../../api/types.js';
import { useLive } from '../../live/LiveContext.js';

/** What the user is writing in the case (the reply box or the note box): `case:typing`'s `what`. */
export type Writing = TypingWhat;

/** While writing, "still typing" is sent at most this often; the server forgets it after 8 s without one. */
const TYPING_REPEAT_MS = 3_000;
/** No keystroke for this long: no longer typing. */
const TYPING_IDLE_MS = 4_000;

export interface CasePresence {
  /** The other users with the case open (the user's own tabs left out). */
  others: CaseViewer[];
  /** Call on every keystroke in a box (throttled here); `false` once the text is sent or cleared. */
  typing(what: Writing, typing?: boolean): void;
}

/**
 * Says the case is open in this tab (`case:watch`, again after every
 * reconnect; `case:unwatch` when it closes) and who else has it open, from
 * the server's `case:presence`. Null id: watch nothing (e.g. the case moved).
 */
export function usePresence(caseId: string | null, myUsername: string): CasePresence {
  const live = useLive();
  const [viewers, setViewers] = useState<CaseViewer[]>([]);
  const sent = useRef<{ what: Writing | null; at: number }>({ what: null, at: 0 });
  const idle = useRef<number | undefined>(undefined);

  useEffect(() => {
    setViewers([]);
    if (!live || !caseId) return;
    const watch = () => live.emit('case:watch', { caseId });
    watch();
    const offs = [
      live.onStatus((status) => {
        if (status === 'connected') watch();
        else setViewers([]);
      }),
      live.on('case:presence', (presence) => {
        if (presence.caseId === caseId) setViewers(presence.viewers);
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      window.clearTimeout(idle.current);
      sent.current = { what: null, at: 0 };
      live.emit('case:unwatch', { caseId });
    };
  }, [live, caseId]);

  const typing = useCallback((what: Writing, typing = true) => {
    if (!live || !caseId) return;
    window.clearTimeout(idle.current);
    const now = Date.now();
    if (!typing) {
      if (sent.current.what === null) return;
      sent.current = { what: null, at: now };
      live.emit('case:typing', { caseId, typing: false });
      return;
    }
    if (sent.current.what !== what || now - sent.current.at >= TYPING_REPEAT_MS) {
      sent.current = { what, at: now };
      live.emit('case:typing', { caseId, typing: true, what });
    }
    idle.current = window.setTimeout(() => {
      sent.current = { what: null, at: Date.now() };
      live.emit('case:typing', { caseId, typing: false });
    }, TYPING_IDLE_MS);
  }, [live, caseId]);

  return { others: viewers.filter((viewer) => viewer.username !== myUsername), typing };
}
