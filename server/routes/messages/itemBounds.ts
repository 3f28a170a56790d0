import { escapePointer } from '../../routing/schemaErrors.js';
import type { PointedError } from '../../routing/index.js';

/**
 * What one item of POST /api/messages may hold (docs/security.md). A message
 * is a post or a DM with a few fields; these bounds leave room for platform
 * extras while keeping one odd item from exhausting the stack or memory of
 * the whole batch.
 */
export const ITEM_BOUNDS = {
  /** Characters of `text` (X allows 25,000 in a long post). */
  maxTextLength: 25_000,
  /** Characters of any other string. */
  maxStringLength: 10_000,
  /** Object properties and array items in the item, all levels together. */
  maxValues: 2_000,
  /** Levels of objects and arrays (the item itself is level 1). */
  maxDepth: 16,
  /** How far ahead of the server's clock `createdAt` may be (clocks drift; a message is never written in the future). */
  maxFutureMs: 5 * 60_000,
} as const;

/**
 * The first bound an item breaks (a blank id, size, nesting, a createdAt in
 * the future), as a pointer into the item and a message, or undefined.
 * Walked without recursion, so any nesting is safe to look at.
 */
export function itemBoundProblem(item: unknown, now: number): PointedError | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const fields = item as Record<string, unknown>;
  return blankIdProblem(fields) ?? sizeProblem(item) ?? futureProblem(fields.createdAt, now);
}

/** The ids that tie messages together: a blank one would join strangers' messages into one customer or thread. */
const ID_FIELDS: Array<[pointer: string, read: (item: Record<string, unknown>) => unknown]> = [
  ['/id', (item) => item.id],
  ['/author/id', (item) => (typeof item.author === 'object' && item.author !== null ? (item.author as Record<string, unknown>).id : undefined)],
  ['/threadId', (item) => item.threadId],
  ['/inReplyTo', (item) => item.inReplyTo],
  ['/inReplyToAuthorId', (item) => item.inReplyToAuthorId],
];

function blankIdProblem(item: Record<string, unknown>): PointedError | undefined {
  for (const [pointer, read] of ID_FIELDS) {
    const id = read(item);
    if (typeof id === 'string' && id.trim() === '') return { pointer, message: 'must not be blank (an id needs a character other than spaces)' };
  }
  return undefined;
}

/** A value met while walking an item; its pointer is spelled out only for a problem (most items have none). */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
  depth: number;
}

function sizeProblem(item: object): PointedError | undefined {
  const stack: Visit[] = [{ value: item, key: '', parent: undefined, depth: 1 }];
  let values = 0;
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (typeof value === 'string') {
      const limit = depth === 2 && visit.key === 'text' ? ITEM_BOUNDS.maxTextLength : ITEM_BOUNDS.maxStringLength;
      if (value.length > limit) return { pointer: pointerOf(visit), message: `is longer than ${limit} characters` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > ITEM_BOUNDS.maxDepth) return { pointer: pointerOf(visit), message: `nests objects and arrays more than ${ITEM_BOUNDS.maxDepth} levels deep` };
    const keys = Object.keys(value);
    values += keys.length;
    if (values > ITEM_BOUNDS.maxValues) return { pointer: pointerOf(visit), message: `the message holds more than ${ITEM_BOUNDS.maxValues} properties and array items in all` };
    for (const key of keys) stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit, depth: depth + 1 });
  }
  return undefined;
}

function pointerOf(visit: Visit): string {
  const tokens: string[] = [];
  for (let at: Visit | undefined = visit; at?.parent; at = at.parent) tokens.push(`/${escapePointer(at.key)}`);
  return tokens.reverse().join('');
}

function futureProblem(createdAt: unknown, now: number): PointedError | undefined {
  if (typeof createdAt !== 'string') return undefined;
  const at = Date.parse(createdAt);
  if (!(at - now > ITEM_BOUNDS.maxFutureMs)) return undefined;
  return { pointer: '/createdAt', message: `is more than ${ITEM_BOUNDS.maxFutureMs / 60_000} minutes ahead of the server's clock (${new Date(now).toISOString()}); send the time the message was written` };
}
