import { conflict } from '../../errors.js';
import type { Role, Store, UserDocument } from '../../store/index.js';

/**
 * Refuses (409) a change that would leave no enabled admin: nobody could
 * manage rules, users or teams any more. Call it under PEOPLE_LOCK.
 */
export async function keepAnAdmin(store: Store, current: UserDocument, next: { role: Role; disabled: boolean }): Promise<void> {
  const isActiveAdmin = current.role === 'admin' && !current.disabled;
  const staysActiveAdmin = next.role === 'admin' && !next.disabled;
  if (!isActiveAdmin || staysActiveAdmin) return;
  const others = await store.collections.users.countDocuments({ role: 'admin', disabled: false, _id: { $ne: current._id } });
  if (others > 0) return;
  const pointer = next.role === 'admin' ? '/disabled' : '/role';
  throw conflict(`"${current.username}" is the last active admin: make another user an admin before ${pointer === '/role' ? 'changing this role' : 'disabling this account'}`, [{ pointer, message: 'the last active admin must stay an enabled admin' }]);
}
