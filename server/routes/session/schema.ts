import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import type { LoginBody } from './bodies.js';

const loginSchema: JSONSchemaType<LoginBody> = {
  type: 'object',
  required: ['username', 'password'],
  additionalProperties: false,
  properties: {
    username: { type: 'string', minLength: 1, maxLength: 64 },
    // scrypt hashes any length; the cap only bounds the work one request can ask for.
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
};

export const checkLoginBody = bodyValidator(loginSchema);
