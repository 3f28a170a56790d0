import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import type { CreateSavedReplyBody, PatchSavedReplyBody } from './bodies.js';

const properties = {
  title: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
  text: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S' },
  teams: { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' }, nullable: true },
  shortcut: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,31}$', nullable: true },
} as const;

const createSavedReplySchema: JSONSchemaType<CreateSavedReplyBody> = {
  type: 'object',
  required: ['title', 'text'],
  additionalProperties: false,
  properties,
};

const patchSavedReplySchema: JSONSchemaType<PatchSavedReplyBody> = {
  type: 'object',
  required: [],
  minProperties: 1,
  additionalProperties: false,
  properties: { ...properties, title: { ...properties.title, nullable: true }, text: { ...properties.text, nullable: true } },
};

export const checkCreateSavedReplyBody = bodyValidator(createSavedReplySchema);
export const checkPatchSavedReplyBody = bodyValidator(patchSavedReplySchema, { nullable: ['shortcut'] });
