import type { ReactNode } from 'react';

/** Text someone else controls (a name, a handle, a message), isolated so its direction marks cannot reorder what surrounds it ("\u202Enimda"). */
export function Bdi({ children, className }: { children: ReactNode; className?: string }) {
  return <bdi className={className}>{children}</bdi>;
}
