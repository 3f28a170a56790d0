import type { Filter } from '../store/index.js';

/** Where a page of a soonest-target-first list ends: the last item's (slaDueAt, _id); `at` null once into the cases without a target. */
export interface DuePosition {
  at: Date | null;
  id: string;
}

/**
 * Soonest response-time target first, ties by id, cases without a target
 * (slaDueAt null) last, by id. MongoDB sorts null before dates, so the list
 * is read in two runs: the cases with a target, then those without.
 */
export const BY_DUE = { slaDueAt: 1, _id: 1 } as const;
export const BY_ID = { _id: 1 } as const;

/** The condition for cases with a target after a position (all of them from the start). */
export function dueAfter(position: DuePosition | undefined): Filter {
  if (!position) return { slaDueAt: { $ne: null } };
  if (position.at === null) throw new Error('no case with a target comes after one without');
  // `$ne: null` beside `$gt`: MongoDB's type bracketing keeps nulls out anyway; this says so to every backend.
  return { $or: [{ slaDueAt: { $ne: null, $gt: position.at } }, { slaDueAt: position.at, _id: { $gt: position.id } }] };
}

/** The condition for cases without a target after a position (all of them unless the position is among them). */
export function noTargetAfter(position: DuePosition | undefined): Filter {
  return position?.at === null ? { slaDueAt: null, _id: { $gt: position.id } } : { slaDueAt: null };
}

/** One page out of `limit + 1` fetched items in BY_DUE order (targets first): the first `limit`, and the position to continue from when there are more. */
export function duePageOf<T extends { _id: string; slaDueAt?: Date | null }>(fetched: T[], limit: number): { items: T[]; next: DuePosition | null } {
  const items = fetched.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: fetched.length > limit && last ? { at: last.slaDueAt ?? null, id: last._id } : null };
}
