import { WEEKDAYS } from '../../cases/businessHours.js';
import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import { ASSIGNMENT_MODES } from '../../store/schemas/assignmentMode.js';
import { TIERS } from '../../store/schemas/enums.js';
import type { CreateTeamBody, PatchTeamBody } from './bodies.js';

const LOCAL_TIME = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

const teamHours = {
  type: 'object',
  required: ['timeZone', 'weekly'],
  additionalProperties: false,
  nullable: true,
  properties: {
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    weekly: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        required: ['days', 'from', 'to'],
        additionalProperties: false,
        properties: {
          days: { type: 'array', minItems: 1, maxItems: 7, uniqueItems: true, items: { type: 'string', enum: [...WEEKDAYS] } },
          from: { type: 'string', pattern: LOCAL_TIME },
          // 24:00 closes at midnight.
          to: { type: 'string', pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$' },
        },
      },
    },
    holidays: { type: 'array', maxItems: 400, uniqueItems: true, nullable: true, items: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } },
  },
} as const;

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
  required: [],
  minProperties: 1,
  additionalProperties: false,
  properties: {
    displayName: { ...displayName, nullable: true },
    assignment: {
      type: 'object',
      required: ['mode'],
      additionalProperties: false,
      nullable: true,
      properties: {
        mode: { type: 'string', enum: [...ASSIGNMENT_MODES] },
        // null: no limit.
        capacity: { type: 'integer', minimum: 1, maximum: 1000, nullable: true },
      },
    },
    hours: teamHours,
  },
};

export const checkCreateTeamBody = bodyValidator(createTeamSchema);
export const checkPatchTeamBody = bodyValidator(patchTeamSchema, { nullable: ['displayName', 'hours'] });
