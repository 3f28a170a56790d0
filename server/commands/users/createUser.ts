import { normalizeUsername } from '../../auth/authenticate.js';
import { hashPassword } from '../../auth/passwords.js';
import { conflict } from '../../errors.js';
import type { CreateUserBody } from '../../routes/users/bodies.js';
import type { Store, UserDocument } from '../../store/index.js';
import { PEOPLE_LOCK } from './peopleLock.js';
import { checkMembership } from './teamMembership.js';

/** The POST /api/users body, with its teams (none: an empty list). */
export interface CreateUserProps extends CreateUserBody {
  store: Store;
  teams: string[];
}

/** Adds a user who can log in at once: 409 on a taken username, 422 on teams that do not exist or do not fit the role. */
export async function createUser(props: CreateUserProps): Promise<UserDocument> {
  const { store } = props;
  // Hash outside the lock: scrypt takes tens of milliseconds.
  const passwordHash = await hashPassword(props.password);
  return store.exclusive(PEOPLE_LOCK, async () => {
    await checkMembership(store, props.role, props.teams);
    const inserted = await store.collections.users.insertOne({
      username: normalizeUsername(props.username),
      displayName: props.name ?? null,
      passwordHash,
      role: props.role,
      teams: [...new Set(props.teams)],
    });
    if (inserted.status === 'duplicate') throw conflict(`the username "${normalizeUsername(props.username)}" is taken`, [{ pointer: '/username', message: 'is taken' }]);
    return inserted.document;
  });
}
