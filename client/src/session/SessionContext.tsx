import { createContext, useContext, type ReactNode } from 'react';
import type { Session } from '../api/types.js';

export interface SessionValue {
  session: Session;
  logOut(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Gives the logged-in screens the session and a way to end it. */
export function SessionProvider({ value, children }: { value: SessionValue; children: ReactNode }) {
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The logged-in user's session (only inside the logged-in screens). */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
