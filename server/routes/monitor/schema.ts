import { pageLimit } from '../pageSize.js';
import type { JSONSchemaType } from 'ajv';
import { queryValidator } from '../../middleware/validation.js';
import type { ThreadListQuery } from './bodies.js';

/** GET /api/monitor/threads query once checked: `limit` has its default. */
export interface ThreadsQuery extends ThreadListQuery {
  limit: number;
}

const threadsSchema: JSONSchemaType<ThreadsQuery> = {
  type: 'object',
  required: ['limit'],
  additionalProperties: false,
  properties: {
    limit: pageLimit(20),
    cursor: { type: 'string', nullable: true, minLength: 1, maxLength: 200 },
  },
};

export const checkThreadsQuery = queryValidator(threadsSchema);
