import { useMemo } from 'react';
import { LiveProvider } from './live/LiveContext.js';
import { LoginScreen } from './session/LoginScreen.js';
import { SessionProvider } from './session/SessionContext.js';
import { useSessionState } from './session/useSessionState.js';
import { Screens } from './app/Screens.js';
import { ErrorState, Loading } from './ui/States.js';

/** Checks the session, then shows the log-in form or the logged-in screens. */
export function App() {
  const { state, check, logIn, logOut } = useSessionState();
  const session = state.status === 'loggedIn' ? state.session : null;
  const value = useMemo(() => (session ? { session, logOut } : null), [session, logOut]);

  if (state.status === 'checking') return <main className="centered"><Loading label="Checking your session" /></main>;
  if (state.status === 'failed') return <main className="centered"><ErrorState message={`Could not check your session: ${state.message}`} onRetry={() => void check()} /></main>;
  if (!value) return <LoginScreen onLogIn={logIn} notice={state.status === 'loggedOut' ? state.notice : undefined} />;
  return (
    <SessionProvider value={value}>
      <LiveProvider key={value.session.user.id}>
        <Screens />
      </LiveProvider>
    </SessionProvider>
  );
}
