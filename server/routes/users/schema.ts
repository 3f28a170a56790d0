import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import { ROLES } from '../../store/index.js';
import type { CreateUserBody, UserChanges } from './bodies.js';

// Stored lower-cased (the schema's pattern), so "Ana" and "ana" are one name.
const username = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' } as const;
// New passwords only: the demo users' "demo" predates this rule and still logs in. The cap bounds scrypt's work.
const password = { type: 'string', minLength: 8, maxLength: 1024 } as const;
const role = { type: 'string', enum: [...ROLES] } as const;
const teams = { type: 'array', maxItems: 100, uniqueItems: true, items: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' } } as const;
const name = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;

const createUserSchema: JSONSchemaType<CreateUserBody> = {
  type: 'object',
  required: ['username', 'password', 'role'],
  additionalProperties: false,
  properties: { username, password, role, teams: { ...teams, nullable: true }, name: { ...name, nullable: true } },
};

const patchUserSchema: JSONSchemaType<UserChanges> = {
  type: 'object',
  required: [],
  additionalProperties: false,
  minProperties: 1,
  properties: {
    role: { ...role, nullable: true },
    teams: { ...teams, nullable: true },
    name: { ...name, nullable: true },
    password: { ...password, nullable: true },
    disabled: { type: 'boolean', nullable: true },
  },
};

export const checkCreateUserBody = bodyValidator(createUserSchema);
// `name: null` clears the name; every other property is left out to leave it as it is.
export const checkPatchUserBody = bodyValidator(patchUserSchema, { nullable: ['name'] });
