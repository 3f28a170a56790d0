import { useState } from 'react';
import { updateUser, type Team, type UserAccount } from '../api/people.js';
import { useSession } from '../session/SessionContext.js';
import { formatDateTime } from '../ui/formatTime.js';
import { UserEditor } from './UserEditor.js';

interface UserListProps {
  users: readonly UserAccount[];
  teams: readonly Team[];
  onSaved(user: UserAccount): void;
}

/** Every user with role, teams and state; edit one at a time, disable or enable in one step. */
export function UserList({ users, teams, onSaved }: UserListProps) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="people-list" aria-label="Users">
      {users.map((user) => (
        <UserItem key={user.id} user={user} teams={teams} editing={editing === user.id} onEdit={(on) => setEditing(on ? user.id : null)} onSaved={onSaved} />
      ))}
    </ul>
  );
}

function UserItem({ user, teams, editing, onEdit, onSaved }: { user: UserAccount; teams: readonly Team[]; editing: boolean; onEdit(on: boolean): void; onSaved(user: UserAccount): void }) {
  const { session } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const isMe = session.user.id === user.id;
  // An admin who gave themself another role reloads into that role's screens (the session check reads it again).
  const saved = (next: UserAccount) => {
    if (isMe && next.role !== session.user.role) window.location.assign('/');
    else onSaved(next);
  };

  const toggleDisabled = async () => {
    setBusy(true);
    setError(null);
    try {
      saved(await updateUser(user.id, { disabled: !user.disabled }));
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`people-item${user.disabled ? ' people-disabled' : ''}`} aria-label={user.username}>
      <div className="people-summary">
        <span className="people-name">
          <strong>{user.username}</strong>{user.name && <> · {user.name}</>}{isMe && <span className="muted"> (you)</span>}
        </span>
        <span>{user.role}</span>
        <span>{user.role === 'admin' ? 'all teams' : user.teams.join(', ') || 'no team'}</span>
        <span className={user.disabled ? 'people-state-off' : 'muted'}>{user.disabled ? 'Disabled' : 'Active'}</span>
        <span className="muted">since {formatDateTime(user.createdAt)}</span>
        <span className="toolbar">
          <button type="button" className="secondary" aria-expanded={editing} onClick={() => onEdit(!editing)} aria-label={`Edit ${user.username}`}>Edit</button>
          <button type="button" className="secondary" disabled={busy} onClick={() => void toggleDisabled()} aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.username}`}>{user.disabled ? 'Enable' : 'Disable'}</button>
        </span>
      </div>
      <div role="status" aria-live="polite">{error && <p className="form-error">{error}</p>}</div>
      {editing && <UserEditor user={user} teams={teams} onSaved={saved} onClose={() => onEdit(false)} />}
    </li>
  );
}
