/** Newest-first pages over id-ordered items, with X's since_id / until_id / pagination_token rules. */
import { compareIds } from './ids.js';

/** Which slice of a timeline a request wants. */
export interface PageRequest {
  maxResults: number;
  sinceId?: string;
  untilId?: string;
  /** Exclusive upper bound decoded from a pagination token. */
  beforeId?: string;
}

/** One page, newest first. */
export interface Page<T> {
  items: T[];
  /** Exclusive upper bound for the next page, when more items remain. */
  nextBeforeId?: string;
}

/** Slices one page, newest first, out of items sorted by ascending id. */
export function newestFirstPage<T extends { id: string }>(ascending: readonly T[], request: PageRequest): Page<T> {
  const items: T[] = [];
  let index = ascending.length - 1;
  for (; index >= 0; index--) {
    const id = (ascending[index] as T).id;
    if (request.beforeId !== undefined && compareIds(id, request.beforeId) >= 0) continue;
    if (request.untilId !== undefined && compareIds(id, request.untilId) >= 0) continue;
    if (request.sinceId !== undefined && compareIds(id, request.sinceId) <= 0) break;
    if (items.length === request.maxResults) break;
    items.push(ascending[index] as T);
  }
  const moreRemain = index >= 0 && items.length === request.maxResults &&
    (request.sinceId === undefined || compareIds((ascending[index] as T).id, request.sinceId) > 0);
  const last = items[items.length - 1];
  return moreRemain && last ? { items, nextBeforeId: last.id } : { items };
}

const TOKEN_RADIX = 32;
const TOKEN_LENGTH = 16;

/** Encodes a page cursor as an opaque lowercase base-32 token of at least 16 characters. */
export function encodePaginationToken(beforeId: string): string {
  return BigInt(beforeId).toString(TOKEN_RADIX).padStart(TOKEN_LENGTH, '0');
}

/** Decodes a pagination token, or returns undefined when it is not one this simulator issued. */
export function decodePaginationToken(token: string): string | undefined {
  if (token.length < TOKEN_LENGTH || !/^[0-9a-v]+$/.test(token)) return undefined;
  let value = 0n;
  for (const ch of token) value = value * 32n + BigInt(parseInt(ch, TOKEN_RADIX));
  const id = value.toString();
  return id.length <= 19 && value > 0n ? id : undefined;
}
