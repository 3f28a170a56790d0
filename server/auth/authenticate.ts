import type { Store, UserDocument } from '../store/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { randomToken } from './sessions.js';

let dummyHash: Promise<string> | undefined;

/** The form usernames are stored in (the schema lowercases and trims them). */
export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The enabled user with this name and password, or null. An unknown name
 * costs the same scrypt work as a wrong password, so timing does not tell
 * which names exist.
 */
export async function authenticate(store: Store, username: string, password: string): Promise<UserDocument | null> {
  const user = await store.collections.users.findOne({ username: normalizeUsername(username) });
  if (!user) {
    await verifyPassword(password, await (dummyHash ??= hashPassword(randomToken())));
    return null;
  }
  const matches = await verifyPassword(password, user.passwordHash);
  return matches && !user.disabled ? user : null;
}
