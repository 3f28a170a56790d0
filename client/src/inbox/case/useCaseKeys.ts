import { useShortcutKeys } from '../useShortcutKeys.js';

export interface CaseKeys {
  next(): void;
  previous(): void;
  back(): void;
  resolve(): void;
  /** Focus the snooze presets (or Wake now). */
  snooze(): void;
  /** Open the saved replies in the reply box. */
  savedReplies(): void;
}

const KEYS: Record<string, keyof CaseKeys> = { j: 'next', k: 'previous', Escape: 'back', e: 'resolve', z: 'snooze', '/': 'savedReplies' };

/** Keys inside a case: j/k next and previous case of the inbox's list, Esc back to the list, e resolve, z snooze, / saved replies (ignored while typing, with modifiers, or inside an open dialog). */
export function useCaseKeys(keys: CaseKeys, enabled: boolean): void {
  useShortcutKeys(keys, enabled, (event) => (event.target instanceof HTMLElement && event.target.closest('[role="dialog"], details[open]') ? undefined : KEYS[event.key]));
}
