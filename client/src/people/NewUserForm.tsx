import { useId, useState, type FormEvent } from 'react';
import { createUser, type Team, type UserAccount } from '../api/people.js';
import type { Role } from '../api/types.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';
import { RoleField, TextField } from './PeopleFields.js';
import { teamsHint } from './roleHints.js';
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
  return (
    <form className="people-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)} noValidate>
      <h3 id={`${id}-title`}>Add a user</h3>
      <TextField id={`${id}-username`} label="Username" value={username} onChange={setUsername} required errors={field('/username')} />
      <TextField id={`${id}-name`} label="Name (optional)" value={name} onChange={setName} errors={field('/name')} />
      <TextField id={`${id}-password`} label="Password (at least 8 characters)" type="password" autoComplete="new-password" value={password} onChange={setPassword} required errors={field('/password')} />
      <RoleField id={`${id}-role`} role={role} onChange={setRole} errors={field('/role')} />
      <TeamChecks id={`${id}-teams`} teams={teams} selected={role === 'marketing' ? [] : selected} disabled={role === 'marketing'} hint={teamsHint(role)} errors={field('/teams')} onChange={setSelected} />
      <div role="status" aria-live="polite">
        {errors.message && <p className="form-error">{errors.message}</p>}
        {created && <p className="form-info">User {created} added.</p>}
      </div>
      <button type="submit" disabled={busy}>Add user</button>
    </form>
  );
}
