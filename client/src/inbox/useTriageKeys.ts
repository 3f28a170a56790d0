import { useEffect, useRef } from 'react';

export interface TriageKeys {
  next(): void;
  previous(): void;
  open(): void;
  help(): void;
}

/** Whether a key press is typing into a field (shortcuts must not fire then). */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The inbox's keyboard triage: j/k move, Enter opens, ? shows help (ignored while typing or with modifiers). */
export function useTriageKeys(keys: TriageKeys, enabled: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const target = event.target as HTMLElement | null;
      const action = event.key === 'j' ? ref.current.next
        : event.key === 'k' ? ref.current.previous
        : event.key === '?' ? ref.current.help
        // Enter on a link or button does its own thing; elsewhere it opens the selected case.
        : event.key === 'Enter' && !target?.closest('a, button') ? ref.current.open
        : undefined;
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
