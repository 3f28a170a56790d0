import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { connectLive, type LiveConnection, type LiveStatus } from './connectLive.js';

const LiveContext = createContext<LiveConnection | null>(null);

/** Opens the live-event connection for the logged-in screens and closes it on log-out. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<LiveConnection | null>(null);
  useEffect(() => {
    const live = connectLive();
    setConnection(live);
    return () => live.close();
  }, []);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

/** The live connection (null for the first render). */
export function useLive(): LiveConnection | null {
  return useContext(LiveContext);
}

/** The connection's state, re-rendering when it changes. */
export function useLiveStatus(): LiveStatus {
  const live = useLive();
  const [status, setStatus] = useState<LiveStatus>(live?.status() ?? 'connecting');
  useEffect(() => {
    if (!live) return;
    setStatus(live.status());
    return live.onStatus(setStatus);
  }, [live]);
  return status;
}
