import { hashPassword } from '../../auth/passwords.js';
import { notFound } from '../../errors.js';
import type { UserChanges } from '../../routes/users/bodies.js';
import { plainString, type Store, type UserDocument } from '../../store/index.js';
import { keepAnAdmin } from './lastAdmin.js';
import { PEOPLE_LOCK } from './peopleLock.js';
import { checkMembership } from './teamMembership.js';

export interface UpdateUserProps {
  store: Store;
  userId: string;
  /** What PATCH /api/users/:id may change (its body). */
  changes: UserChanges;
}

/** The user as stored now, and what the change means for their live sessions and sockets. */
export interface UpdateUserResult {
  user: UserDocument;
  /** Role, teams or enabled state changed: what the user may see is different. */
  rightsChanged: boolean;
  /** A new password was set: sessions opened with the old one should end. */
  passwordChanged: boolean;
}

/**
 * Changes a user's role, teams, name, password or enabled state. The
 * resulting role and teams must fit (checkMembership), and the last enabled
 * admin cannot demote or disable themself (409).
 */
export async function updateUser(props: UpdateUserProps): Promise<UpdateUserResult> {
  const { store, changes } = props;
  const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
  return store.exclusive(PEOPLE_LOCK, async () => {
    const users = store.collections.users;
    const current = await users.findOne({ _id: plainString(props.userId, 'user id') });
    if (!current) throw notFound('user');
    const role = changes.role ?? current.role;
    const teams = changes.teams === undefined ? current.teams : [...new Set(changes.teams)];
    const disabled = changes.disabled ?? current.disabled;
    if (changes.role !== undefined || changes.teams !== undefined) await checkMembership(store, role, changes.teams ?? teams);
    await keepAnAdmin(store, current, { role, disabled });
    const set: Partial<UserDocument> = { role, teams, disabled };
    if (changes.name !== undefined) set.displayName = changes.name;
    if (passwordHash !== undefined) set.passwordHash = passwordHash;
    const updated = await users.findOneAndUpdate({ _id: current._id }, { $set: set }, { returnDocument: 'after' });
    if (!updated) throw notFound('user');
    const rightsChanged = role !== current.role || disabled !== current.disabled || !sameTeams(teams, current.teams);
    return { user: updated, rightsChanged, passwordChanged: passwordHash !== undefined };
  });
}

function sameTeams(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}
