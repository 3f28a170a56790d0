import { useId, useState, type FormEvent } from 'react';
import { updateUser, type Team, type UserAccount, type UserChanges } from '../api/people.js';
import type { Role } from '../api/types.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';
import { RoleField, TextField } from './PeopleFields.js';
import { teamsHint } from './roleHints.js';
import { TeamChecks } from './TeamChecks.js';

const FIELDS = ['/role', '/teams', '/name', '/password'];

interface UserEditorProps {
  user: UserAccount;
  teams: readonly Team[];
  onSaved(user: UserAccount): void;
  onClose(): void;
}

/** Changes a user's role, teams, name or password; only what was changed is sent. */
export function UserEditor({ user, teams, onSaved, onClose }: UserEditorProps) {
  const id = useId();
  const [role, setRole] = useState<Role>(user.role);
  const [selected, setSelected] = useState<string[]>(user.teams);
  const [name, setName] = useState(user.name ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  const changes = (): UserChanges => {
    const next: UserChanges = {};
    const teamsNow = role === 'marketing' ? [] : selected;
    if (role !== user.role) next.role = role;
    if ([...teamsNow].sort().join() !== [...user.teams].sort().join()) next.teams = teamsNow;
    if (name.trim() !== (user.name ?? '')) next.name = name.trim() === '' ? null : name.trim();
    if (password !== '') next.password = password;
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change = changes();
    if (Object.keys(change).length === 0) return onClose();
    setBusy(true);
    try {
      onSaved(await updateUser(user.id, change));
      onClose();
    } catch (error) {
      setErrors(formErrorsOf(error, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const field = (pointer: string) => errorsAt(errors, pointer);
  return (
    <form className="people-form user-editor" aria-label={`Edit ${user.username}`} onSubmit={(e) => void submit(e)} noValidate>
      <RoleField id={`${id}-role`} role={role} onChange={setRole} errors={field('/role')} />
      <TeamChecks id={`${id}-teams`} teams={teams} selected={role === 'marketing' ? [] : selected} disabled={role === 'marketing'} hint={teamsHint(role)} errors={field('/teams')} onChange={setSelected} />
      <TextField id={`${id}-name`} label="Name" value={name} onChange={setName} errors={field('/name')} />
      <TextField id={`${id}-password`} label="New password (leave empty to keep it; ends their sessions)" type="password" autoComplete="new-password" value={password} onChange={setPassword} errors={field('/password')} />
      <div role="status" aria-live="polite">{errors.message && <p className="form-error">{errors.message}</p>}</div>
      <div className="toolbar">
        <button type="submit" disabled={busy}>Save</button>
        <button type="button" className="secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
