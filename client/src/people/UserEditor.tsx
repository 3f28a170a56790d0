import { useId, useState, type FormEvent } from 'react';
import { updateUser, type Team, type UserAccount, type UserChanges } from '../api/people.js';
import type { Role } from '../api/types.js';
import { FieldErrors } from '../rules/FieldErrors.js';
import { errorsAt, formErrorsOf, NO_ERRORS, type FormErrors } from './formErrors.js';
import { ROLE_HINTS, ROLES, teamsHint } from './roleHints.js';
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
  const invalid = (pointer: string) => field(pointer).length > 0 || undefined;
  return (
    <form className="people-form user-editor" aria-label={`Edit ${user.username}`} onSubmit={(e) => void submit(e)} noValidate>
      <div className="people-field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)} aria-invalid={invalid('/role')} aria-describedby={`${id}-role-hint ${id}-role-errors`}>
          {ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
        <p id={`${id}-role-hint`} className="muted">{ROLE_HINTS[role]}</p>
        <FieldErrors id={`${id}-role-errors`} errors={field('/role')} />
      </div>
      <TeamChecks id={`${id}-teams`} teams={teams} selected={role === 'marketing' ? [] : selected} disabled={role === 'marketing'} hint={teamsHint(role)} errors={field('/teams')} onChange={setSelected} />
      <div className="people-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" aria-invalid={invalid('/name')} aria-describedby={`${id}-name-errors`} />
        <FieldErrors id={`${id}-name-errors`} errors={field('/name')} />
      </div>
      <div className="people-field">
        <label htmlFor={`${id}-password`}>New password (leave empty to keep it; ends their sessions)</label>
        <input id={`${id}-password`} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" aria-invalid={invalid('/password')} aria-describedby={`${id}-password-errors`} />
        <FieldErrors id={`${id}-password-errors`} errors={field('/password')} />
      </div>
      <div role="status" aria-live="polite">{errors.message && <p className="form-error">{errors.message}</p>}</div>
      <div className="toolbar">
        <button type="submit" disabled={busy}>Save</button>
        <button type="button" className="secondary" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
