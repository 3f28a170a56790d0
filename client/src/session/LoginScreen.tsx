import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/http.js';

/** The log-in form: a wrong name or password is said next to the form, and focus stays on it. */
export function LoginScreen({ onLogIn, notice }: { onLogIn(username: string, password: string): Promise<void>; notice?: string }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogIn(username.trim(), password);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 401 ? 'Wrong user name or password.' : (failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <h1>Care inbox</h1>
      {notice && <p className="form-info" role="status">{notice}</p>}
      <form onSubmit={submit} aria-describedby={error ? 'login-error' : undefined} noValidate>
        <label htmlFor="login-username">User name</label>
        <input id="login-username" name="username" autoComplete="username" required autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />
        <label htmlFor="login-password">Password</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        {error && <p id="login-error" className="form-error" role="alert">{error}</p>}
        <button type="submit" disabled={busy || username.trim() === '' || password === ''}>{busy ? 'Logging in…' : 'Log in'}</button>
      </form>
    </main>
  );
}
