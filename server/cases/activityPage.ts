import type { Filter } from '../store/index.js';

/** Where a page of a newest-activity-first list ends: the last item's (lastActivityAt, _id). */
export interface ActivityPosition {
  at: Date;
  id: string;
}

/** Newest activity first, ties by id, so (lastActivityAt, _id) orders every item once. */
export const BY_ACTIVITY = { lastActivityAt: -1, _id: -1 } as const;

/** The condition for items after a position in BY_ACTIVITY order. */
export function afterPosition(position: ActivityPosition): Filter {
  return { $or: [{ lastActivityAt: { $lt: position.at } }, { lastActivityAt: position.at, _id: { $lt: position.id } }] };
}

/** One page out of `limit + 1` fetched items: the first `limit`, and the position to continue from when there are more. */
export function pageOf<T extends { _id: string; lastActivityAt: Date }>(fetched: T[], limit: number): { items: T[]; next: ActivityPosition | null } {
  const items = fetched.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: fetched.length > limit && last ? { at: last.lastActivityAt, id: last._id } : null };
}
