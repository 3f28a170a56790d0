import type { Message } from '../routing/index.js';
import type { MessageDocument, NewMessageDocument } from './schemas/message.js';

const KNOWN_TOP = new Set(['id', 'platform', 'channel', 'text', 'lang', 'createdAt', 'author', 'customer', 'attachments', 'threadId', 'inReplyTo']);
const KNOWN_AUTHOR = new Set(['id', 'handle', 'name', 'followers', 'verified']);
const KNOWN_CUSTOMER = new Set(['vip', 'tags']);

/** What a message document keeps, as JSON, beyond the typed fields (so a message reads back as it came in). */
interface Remainder {
  top?: Record<string, unknown>;
  author?: Record<string, unknown>;
  customer?: Record<string, unknown>;
  attachments?: unknown[];
  /** Arrays the message did not have, which the schema defaults to [] (so they read back absent). */
  absent?: Array<'attachments' | 'customer.tags'>;
}

/**
 * A message's unique key: its platform and its id there. A contract id
 * "x:123" on platform "x" is ("x", "123"); an id without the platform prefix
 * is taken whole ("123" on "x" is the same message as "x:123").
 */
export function messageKey(message: Pick<Message, 'id' | 'platform'>): { platform: string; externalId: string } {
  const prefix = `${message.platform}:`;
  const externalId = message.id.startsWith(prefix) && message.id.length > prefix.length ? message.id.slice(prefix.length) : message.id;
  return { platform: message.platform, externalId };
}

/** The contract id ("x:123") of a stored message. */
export function messageIdOf(document: Pick<MessageDocument, 'platform' | 'externalId'>): string {
  return `${document.platform}:${document.externalId}`;
}

/** The document that stores a (validated) message; `extras` are the store's own fields (case, decision). */
export function toMessageDocument(message: Message, extras: Pick<NewMessageDocument, 'caseId' | 'decision' | 'receivedAt'> = {}): NewMessageDocument {
  // Ingestion calls this for every message: the remainder is only built when there is something to keep.
  let remainder: Remainder | undefined;
  let top = unknownProperties(message, KNOWN_TOP);
  const createdAt = new Date(message.createdAt);
  if (createdAt.toISOString() !== message.createdAt) (top ??= {}).createdAt = message.createdAt; // keep the original offset/precision
  if (top) (remainder ??= {}).top = top;
  const author = unknownProperties(message.author, KNOWN_AUTHOR);
  if (author) (remainder ??= {}).author = author;
  const customer = message.customer && unknownProperties(message.customer, KNOWN_CUSTOMER);
  if (customer) (remainder ??= {}).customer = customer;
  if (message.attachments?.some((item) => Object.keys(item).some((key) => key !== 'type'))) (remainder ??= {}).attachments = message.attachments;
  if (!message.attachments || (message.customer && !message.customer.tags)) {
    (remainder ??= {}).absent = [...(message.attachments ? [] : ['attachments' as const]), ...(message.customer && !message.customer.tags ? ['customer.tags' as const] : [])];
  }
  const { id: authorId, handle, name, followers, verified } = message.author;
  const { platform, externalId } = messageKey(message);
  return {
    platform,
    externalId,
    channel: message.channel,
    text: message.text,
    lang: message.lang,
    createdAt,
    author: { id: authorId, handle, name, followers, verified },
    customer: message.customer ? { vip: message.customer.vip, tags: message.customer.tags ?? [] } : undefined,
    attachments: message.attachments?.map((item) => ({ type: item.type })) ?? [],
    threadId: message.threadId,
    inReplyTo: message.inReplyTo,
    extra: remainder ? JSON.stringify(remainder) : null,
    ...extras,
  };
}

/** The contract message a document stores, as it came in. */
export function fromMessageDocument(document: MessageDocument): Message {
  const remainder = (document.extra ? JSON.parse(document.extra) : {}) as Remainder;
  const { author, customer } = document;
  const message: Message = {
    id: messageIdOf(document),
    platform: document.platform,
    channel: document.channel,
    text: document.text,
    createdAt: document.createdAt.toISOString(),
    author: { ...defined({ id: author.id, handle: author.handle, name: author.name, followers: author.followers, verified: author.verified }), ...remainder.author } as Message['author'],
    ...defined({ lang: document.lang, threadId: document.threadId, inReplyTo: document.inReplyTo }),
  };
  const absent = new Set(remainder.absent);
  if (customer) message.customer = { ...defined({ vip: customer.vip }), ...(absent.has('customer.tags') ? {} : { tags: customer.tags }), ...remainder.customer };
  if (remainder.attachments) message.attachments = remainder.attachments as Message['attachments'];
  else if (!absent.has('attachments')) message.attachments = document.attachments.map((item) => defined({ type: item.type }));
  return { ...message, ...remainder.top };
}

/** The properties not in `known`, or undefined when there are none. */
function unknownProperties(object: object, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  let unknown: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (known.has(key)) continue;
    unknown ??= {};
    // An own "__proto__" is data here, not the prototype.
    Object.defineProperty(unknown, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return unknown;
}

function defined<T extends Record<string, unknown>>(object: T): { [K in keyof T]?: Exclude<T[K], null | undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null)) as { [K in keyof T]?: Exclude<T[K], null | undefined> };
}
