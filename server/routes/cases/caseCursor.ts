import type { CasePosition, CaseSort } from '../../cases/listCases.js';
import { badRequest } from '../../errors.js';
import type { Priority } from '../../routing/index.js';
import { PRIORITIES as PRIORITY_LEVELS } from '../../store/schemas/enums.js';
import { decodeCursor, encodeCursor } from './activityCursor.js';

const DUE = 'due';
const PRIORITY = 'priority';

/**
 * An opaque `cursor` for the next page of GET /api/cases. Newest-activity
 * pages keep activityCursor's form ([ms, id]); soonest-target pages are
 * base64url of ["due", slaDueAt ms or null, id], so a cursor names its order.
 */
export function encodeCaseCursor(position: CasePosition): string {
  if (position.sort === 'activity') return encodeCursor(position);
  if (position.sort === 'priority') return Buffer.from(JSON.stringify([PRIORITY, position.priority, position.at === null ? null : position.at.getTime(), position.id])).toString('base64url');
  return Buffer.from(JSON.stringify([DUE, position.at === null ? null : position.at.getTime(), position.id])).toString('base64url');
}

/** The position a `cursor` parameter stands for in the asked order, or a 400 pointing at it (also for a cursor of the other order). */
export function decodeCaseCursor(cursor: string, sort: CaseSort): CasePosition {
  const decoded = parsed(cursor);
  if (sort === 'priority') return priorityPosition(decoded);
  const isDue = Array.isArray(decoded) && decoded[0] === DUE;
  if (sort === 'activity') {
    if (isDue) throw wrongOrder('sort=due');
    if (Array.isArray(decoded) && decoded[0] === PRIORITY) throw wrongOrder('sort=priority');
    return { sort, ...decodeCursor(cursor) };
  }
  if (!isDue) {
    decodeCursor(cursor); // a malformed cursor is reported as such
    throw wrongOrder('newest activity first');
  }
  const [, at, id] = decoded as unknown[];
  if ((decoded as unknown[]).length === 3 && (at === null || Number.isSafeInteger(at)) && typeof id === 'string' && id !== '') {
    return { sort, at: at === null ? null : new Date(at as number), id };
  }
  throw badRequest('invalid query parameters', [{ pointer: '/cursor', message: 'is not a cursor this API returned' }]);
}

function priorityPosition(decoded: unknown): CasePosition {
  if (Array.isArray(decoded) && decoded.length === 4 && decoded[0] === PRIORITY) {
    const [, priority, at, id] = decoded as unknown[];
    if ((PRIORITY_LEVELS as readonly unknown[]).includes(priority) && (at === null || Number.isSafeInteger(at)) && typeof id === 'string' && id !== '') {
      return { sort: 'priority', priority: priority as Priority, at: at === null ? null : new Date(at as number), id };
    }
  }
  throw badRequest('invalid query parameters', [{ pointer: '/cursor', message: 'is not a cursor this API returned for sort=priority' }]);
}

function parsed(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined; // not JSON: decodeCursor reports it
  }
}

function wrongOrder(order: string) {
  return badRequest('invalid query parameters', [{ pointer: '/cursor', message: `continues a list in another order (${order}): send the same sort as the first page` }]);
}
