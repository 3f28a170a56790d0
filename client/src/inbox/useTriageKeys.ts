import { useEffect, useRef } from 'react';

export interface TriageKeys {
  next(): void;
  previous(): void;
  open(): void;
  reply(): void;
  resolve(): void;
  assignToMe(): void;
  /** Tick or untick the selected case for a bulk action. */
  toggle(): void;
  help(): void;
}

const LETTERS: Record<string, keyof TriageKeys> = { j: 'next', k: 'previous', r: 'reply', e: 'resolve', a: 'assignToMe', x: 'toggle', '?': 'help' };

/** Whether a key press is typing into a field (shortcuts must not fire then). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The inbox's keyboard triage: j/k move, Enter opens, r replies, e resolves, a assigns to me, ? shows help (ignored while typing or with modifiers). */
export function useTriageKeys(keys: TriageKeys, enabled: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const target = event.target as HTMLElement | null;
      const name = LETTERS[event.key];
      // Enter on a link or button does its own thing; elsewhere it opens the selected case.
      const action = name ?? (event.key === 'Enter' && !target?.closest('a, button') ? 'open' : undefined);
      if (!action) return;
      event.preventDefault();
      ref.current[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
