import { useId, useState, type FormEvent } from 'react';
import { createUser, type Team, type UserAccount } from '../api/people.js';
import type { Role } from '../api/types.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';
import { ROLE_HINTS, ROLES, teamsHint } from './roleHints.js';
import { TeamChecks } from './TeamChecks.js';

const FIELDS = ['/username', '/name', '/password', '/role', '/teams'];

/** Adds a user: username, name, password, role and teams; the server's errors appear at their fields. */
export function NewUserForm({ teams, onCreated }: { teams: readonly Team[]; onCreated(user: UserAccount): void }) {
  const id = useId();
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [selected, setSelected] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setCreated(null);
    try {
      const user = await createUser({ username: username.trim(), password, role, teams: role === 'marketing' ? [] : selected, ...(name.trim() ? { name: name.trim() } : {}) });
      setErrors(NO_ERRORS);
      setUsername('');
      setName('');
      setPassword('');
      setSelected([]);
      setCreated(user.username);
      onCreated(user);
    } catch (error) {
      setErrors(formErrorsOf(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const field = (pointer: string) => errorsAt(errors, pointer);
  const invalid = (pointer: string) => field(pointer).length > 0 || undefined;
  return (
    <form className="people-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>Add a user</h3>
      <div className="people-field">
        <label htmlFor={`${id}-username`}>Username</label>
        <input id={`${id}-username`} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" required aria-invalid={invalid('/username')} aria-describedby={`${id}-username-errors`} />
        <FieldErrors id={`${id}-username-errors`} errors={field('/username')} />
      </div>
      <div className="people-field">
        <label htmlFor={`${id}-name`}>Name (optional)</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={invalid('/name')} aria-describedby={`${id}-name-errors`} />
        <FieldErrors id={`${id}-name-errors`} errors={field('/name')} />
      </div>
      <div className="people-field">
        <label htmlFor={`${id}-password`}>Password (at least 8 characters)</label>
        <input id={`${id}-password`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" required aria-invalid={invalid('/password')} aria-describedby={`${id}-password-errors`} />
        <FieldErrors id={`${id}-password-errors`} errors={field('/password')} />
      </div>
      <div className="people-field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)} aria-invalid={invalid('/role')} aria-describedby={`${id}-role-hint ${id}-role-errors`}>
          {ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
        <p id={`${id}-role-hint`} className="muted">{ROLE_HINTS[role]}</p>
        <FieldErrors id={`${id}-role-errors`} errors={field('/role')} />
      </div>
      <TeamChecks id={`${id}-teams`} teams={teams} selected={role === 'marketing' ? [] : selected} disabled={role === 'marketing'} hint={teamsHint(role)} errors={field('/teams')} onChange={setSelected} />
      <div role="status" aria-live="polite">
        {errors.message && <p className="form-error">{errors.message}</p>}
        {created && <p className="form-info">User {created} added.</p>}
      </div>
      <button type="submit" disabled={busy}>Add user</button>
    </form>
  );
}
