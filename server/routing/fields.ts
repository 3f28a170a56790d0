import type { Message, MessageKind } from './types.js';

/** Value types of the fields a condition can test (routing.md §3). */
export type FieldType = 'string' | 'number' | 'boolean' | 'array' | 'instant';

export const FIELD_TYPES = {
  text: 'string',
  channel: 'string',
  platform: 'string',
  kind: 'string',
  lang: 'string',
  'author.handle': 'string',
  'author.followers': 'number',
  'author.verified': 'boolean',
  'customer.vip': 'boolean',
  'customer.tags': 'array',
  detected: 'array',
  'attachments.count': 'number',
  createdAt: 'instant',
} as const satisfies Record<string, FieldType>;

export type FieldName = keyof typeof FIELD_TYPES;

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELD_TYPES, name);
}

// NFKC leaves printable ASCII unchanged, so it can be skipped there.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Case-insensitive comparison key for strings (NFKC, lower-case). */
export function foldCase(value: string): string {
  return PRINTABLE_ASCII.test(value) ? value.toLowerCase() : value.normalize('NFKC').toLowerCase();
}

/** Comparison key for a handle: case-insensitive and without one leading '@'. */
export function foldHandle(value: string): string {
  const folded = foldCase(value);
  return folded.startsWith('@') ? folded.slice(1) : folded;
}

/** Reads a string field; undefined when absent or not a string. */
export function readString(message: Message, field: FieldName): string | undefined {
  if (field === 'kind') return messageKind(message);
  const value =
    field === 'author.handle' ? message.author?.handle : (message as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

/** What the post is: its `kind`, else `dm` on the DM channel, `reply` when it answers a post, `post` (routing.md §1). */
export function messageKind(message: Pick<Message, 'kind' | 'channel' | 'inReplyTo'>): MessageKind {
  if (typeof message.kind === 'string') return message.kind;
  if (message.channel === 'dm') return 'dm';
  return typeof message.inReplyTo === 'string' && message.inReplyTo !== '' ? 'reply' : 'post';
}

/** Reads a number field; followers absent is undefined, attachments absent count as 0. */
export function readNumber(message: Message, field: FieldName): number | undefined {
  if (field === 'attachments.count') return Array.isArray(message.attachments) ? message.attachments.length : 0;
  const followers = message.author?.followers;
  return typeof followers === 'number' ? followers : undefined;
}

/** Reads a boolean field; absent means false. */
export function readBoolean(message: Message, field: FieldName): boolean {
  const value = field === 'author.verified' ? message.author?.verified : message.customer?.vip;
  return value === true;
}

/** Reads customer.tags; absent means []. (`detected` is derived, see detectors.ts.) */
export function readTags(message: Message): readonly string[] {
  const tags = message.customer?.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** Whether the message carries the raw property behind a field (for the `exists` operator). */
export function hasRawField(message: Message, field: FieldName): boolean {
  switch (field) {
    case 'author.handle':
      return message.author?.handle != null;
    case 'author.followers':
      return message.author?.followers != null;
    case 'author.verified':
      return message.author?.verified != null;
    case 'customer.vip':
      return message.customer?.vip != null;
    case 'customer.tags':
      return message.customer?.tags != null;
    case 'attachments.count':
      return Array.isArray(message.attachments);
    case 'kind':
      return true;
    default:
      return (message as Record<string, unknown>)[field] != null;
  }
}
