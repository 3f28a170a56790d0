import { useEffect, useRef } from 'react';

/** Whether a key press is typing into a field (shortcuts must not fire then). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Single-key shortcuts on the document while `enabled`: `actionOf` names the
 * action of a key press (or none), which is then run instead of the key's
 * default. Ignored while typing, with Ctrl, Cmd or Alt, or once handled.
 */
export function useShortcutKeys<K extends { [Action in keyof K]: () => void }>(keys: K, enabled: boolean, actionOf: (event: KeyboardEvent) => keyof K | undefined): void {
  const ref = useRef({ keys, actionOf });
  ref.current = { keys, actionOf };
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const action = ref.current.actionOf(event);
      if (action === undefined) return;
      event.preventDefault();
      ref.current.keys[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
