import type { ReactNode } from 'react';

/** A polite "loading" line for screen readers and eyes alike. */
export function Loading({ label }: { label: string }) {
  return <p className="state state-loading" role="status">{label}…</p>;
}

/** Said when a list has nothing in it. */
export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** A failed load, with a way to try again. */
export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p>{message}</p>
      {onRetry && <button type="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}
