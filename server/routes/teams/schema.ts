import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import { TIERS } from '../../store/schemas/enums.js';
import type { CreateTeamBody, PatchTeamBody } from './bodies.js';

const displayName = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;

const createTeamSchema: JSONSchemaType<CreateTeamBody> = {
  type: 'object',
  required: ['name', 'tier'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
    tier: { type: 'integer', enum: [...TIERS] },
    displayName: { ...displayName, nullable: true },
  },
};

const patchTeamSchema: JSONSchemaType<PatchTeamBody> = {
  type: 'object',
  // ajv's typing lists only non-optional keys in `required`; the body must still say what the name becomes.
  required: ['displayName'] as never[],
  additionalProperties: false,
  properties: { displayName: { ...displayName, nullable: true } },
};

export const checkCreateTeamBody = bodyValidator(createTeamSchema);
export const checkPatchTeamBody = bodyValidator(patchTeamSchema, { nullable: ['displayName'] });
