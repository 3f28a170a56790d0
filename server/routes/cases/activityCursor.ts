import type { ActivityPosition } from '../../cases/activityPage.js';
import { badRequest } from '../../errors.js';

/** An opaque `cursor` for the next page: base64url of [lastActivityAt ms, id]. */
export function encodeCursor(position: ActivityPosition): string {
  return Buffer.from(JSON.stringify([position.at.getTime(), position.id])).toString('base64url');
}

/** The position a `cursor` parameter stands for, or a 400 pointing at it. */
export function decodeCursor(cursor: string): ActivityPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined; // not JSON: reported below like any other malformed cursor
  }
  if (Array.isArray(decoded) && decoded.length === 2 && Number.isSafeInteger(decoded[0]) && typeof decoded[1] === 'string' && decoded[1] !== '') {
    return { at: new Date(decoded[0] as number), id: decoded[1] };
  }
  throw badRequest('invalid query parameters', [{ pointer: '/cursor', message: 'is not a cursor this API returned' }]);
}
