import type { JSONSchemaType } from 'ajv';
import { bodyValidator } from '../../middleware/validation.js';
import { AVAILABILITIES } from '../../store/schemas/availability.js';
import type { PutAvailabilityBody } from './bodies.js';

const putAvailabilitySchema: JSONSchemaType<PutAvailabilityBody> = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: [...AVAILABILITIES] } },
};

export const checkPutAvailabilityBody = bodyValidator(putAvailabilitySchema);
