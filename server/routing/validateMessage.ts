import { Ajv } from 'ajv';
import { isIsoInstant } from './instant.js';
import { pointedSchemaErrors } from './schemaErrors.js';
import { MESSAGE_KINDS, type Message, type PointedError } from './types.js';

/** JSON Schema of a normalized message (routing.md §1); unknown extra properties are allowed. */
export const messageSchema = {
  type: 'object',
  required: ['id', 'platform', 'channel', 'text', 'createdAt', 'author'],
  properties: {
    id: { type: 'string', minLength: 1 },
    platform: { type: 'string' },
    channel: { enum: ['public', 'dm'] },
    text: { type: 'string' },
    lang: { type: 'string' },
    createdAt: { type: 'string', format: 'instant' },
    author: {
      type: 'object',
      required: ['id'],
      properties: {
        id: { type: 'string' },
        handle: { type: 'string' },
        name: { type: 'string' },
        followers: { type: 'number', minimum: 0 },
        verified: { type: 'boolean' },
      },
    },
    customer: {
      type: 'object',
      properties: { vip: { type: 'boolean' }, tags: { type: 'array', items: { type: 'string' } } },
    },
    attachments: { type: 'array', items: { type: 'object' } },
    threadId: { type: 'string' },
    inReplyTo: { type: 'string' },
    kind: { enum: MESSAGE_KINDS },
    inReplyToAuthorId: { type: 'string' },
  },
} as const;

const ajv = new Ajv({ allErrors: true });
ajv.addFormat('instant', isIsoInstant);
const checkMessage = ajv.compile(messageSchema);

export type MessageValidation = { ok: true; message: Message } | { ok: false; errors: PointedError[] };

/** Validates a normalized message; errors name the JSON Pointer of what is wrong. */
export function validateMessage(input: unknown): MessageValidation {
  if (checkMessage(input)) return { ok: true, message: input as unknown as Message };
  const errors = pointedSchemaErrors(checkMessage.errors ?? []).map((error) =>
    error.pointer === '/createdAt' && error.message.includes('format')
      ? { ...error, message: 'must be an ISO-8601 date-time with Z or an offset, e.g. 2026-11-20T14:03:00Z' }
      : error,
  );
  return { ok: false, errors };
}
