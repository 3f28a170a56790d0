import { useRef, useState, type ReactNode } from 'react';

interface CommitSelectProps {
  id: string;
  value: string;
  busy?: boolean;
  onCommit(value: string): void;
  children: ReactNode;
}

/**
 * A select that saves a choice once it is made: a pick with the mouse (or
 * from the opened list) at once; arrow keys on the closed select only move
 * the choice, saved on Enter or when focus leaves. It is never disabled while
 * saving, so focus stays where the agent is.
 */
export function CommitSelect({ id, value, busy = false, onCommit, children }: CommitSelectProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const byKeys = useRef(false);
  const commit = (next: string) => {
    setDraft(null);
    if (next !== value) onCommit(next);
  };
  return (
    <select
      id={id}
      value={draft ?? value}
      aria-busy={busy || undefined}
      onKeyDown={(e) => {
        byKeys.current = e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End' || e.key === 'PageUp' || e.key === 'PageDown';
        if (e.key === 'Enter' && draft !== null) {
          e.preventDefault();
          commit(draft);
        }
        if (e.key === 'Escape' && draft !== null) setDraft(null);
      }}
      onPointerDown={() => {
        byKeys.current = false;
      }}
      onChange={(e) => {
        if (byKeys.current) setDraft(e.target.value);
        else commit(e.target.value);
      }}
      onBlur={() => {
        if (draft !== null) commit(draft);
      }}
    >
      {children}
    </select>
  );
}
