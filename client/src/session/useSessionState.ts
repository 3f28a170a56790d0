import { useCallback, useEffect, useState } from 'react';
import { onUnauthorized, setCsrfToken } from '../api/http.js';
import { currentSession, logIn, logOut } from '../api/session.js';
import type { Session } from '../api/types.js';
import { navigate } from '../app/router.js';

export type SessionState =
  | { status: 'checking' }
  | { status: 'failed'; message: string }
  | { status: 'loggedOut'; notice?: string }
  | { status: 'loggedIn'; session: Session };

/** Checks the session on load, and logs in and out. */
export function useSessionState() {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  const check = useCallback(async () => {
    setState({ status: 'checking' });
    try {
      const session = await currentSession();
      setState(session ? { status: 'loggedIn', session } : { status: 'loggedOut' });
    } catch (error) {
      setState({ status: 'failed', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    void check();
  }, [check]);

  useEffect(() => onUnauthorized(() => {
    setCsrfToken(null);
    setState({ status: 'loggedOut', notice: 'Your session has ended. Log in again to go on.' });
  }), []);

  const start = useCallback(async (username: string, password: string) => {
    const session = await logIn(username, password);
    setState({ status: 'loggedIn', session });
  }, []);

  const end = useCallback(async () => {
    try {
      await logOut();
    } finally {
      // The next person to log in starts on their own role's view.
      navigate('/', { replace: true });
      setState({ status: 'loggedOut' });
    }
  }, []);

  return { state, check, logIn: start, logOut: end };
}
