import { useShortcutKeys } from './useShortcutKeys.js';

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

/** The inbox's keyboard triage: j/k move, Enter opens, r replies, e resolves, a assigns to me, ? shows help (ignored while typing or with modifiers). */
export function useTriageKeys(keys: TriageKeys, enabled: boolean): void {
  useShortcutKeys(keys, enabled, (event) => {
    const target = event.target as HTMLElement | null;
    // Enter on a link or button does its own thing; elsewhere it opens the selected case.
    return LETTERS[event.key] ?? (event.key === 'Enter' && !target?.closest('a, button') ? 'open' : undefined);
  });
}
