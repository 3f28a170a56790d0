/** Shared steps of the paged GET routes: reading the cursor and applying page faults. */
import { invalidRequest, type XProblem } from '../errors.js';
import { repeatingCursor, scramble, type FaultSpec } from '../faults.js';
import { decodePaginationToken, encodePaginationToken, type Page } from '../paging.js';
import type { CheckedQuery } from '../query.js';

/** The exclusive upper bound a pagination_token stands for, or X's 400 when it is not a token we issued. */
export function cursorFrom(query: CheckedQuery): { beforeId?: string } | { problem: XProblem } {
  const token = query.string('pagination_token');
  if (token === undefined) return {};
  const beforeId = decodePaginationToken(token);
  if (beforeId !== undefined) return { beforeId };
  return {
    problem: invalidRequest([{ parameters: { pagination_token: [token] }, message: `The \`pagination_token\` query parameter value [${token}] is not valid` }]),
  };
}

/** A page as sent: items in response order, their ids newest-first, and the next_token if any. */
export interface SentPage<T> {
  items: T[];
  newestFirstIds: string[];
  nextToken?: string;
}

/** Applies a repeatItems / outOfOrder fault (if any) and encodes the next token. */
export function sentPage<T extends { id: string }>(page: Page<T>, fault: FaultSpec | undefined): SentPage<T> {
  const newestFirstIds = page.items.map((item) => item.id);
  const repeated = fault?.kind === 'repeatItems' ? repeatingCursor(newestFirstIds, fault.repeatCount ?? 2) : undefined;
  const nextBeforeId = repeated ?? page.nextBeforeId;
  return {
    items: fault?.kind === 'outOfOrder' ? scramble(page.items) : page.items,
    newestFirstIds,
    ...(nextBeforeId ? { nextToken: encodePaginationToken(nextBeforeId) } : {}),
  };
}
