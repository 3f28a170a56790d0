import type { JSONSchemaType } from 'ajv';
import { bodyValidator, queryValidator } from '../../middleware/validation.js';
import { CASE_STATUSES } from '../../store/index.js';
import { SETTABLE_CASE_STATUSES } from '../../store/schemas/caseStatus.js';
import { CHANNELS, PRIORITIES, TIERS } from '../../store/schemas/enums.js';
import { CASE_SORTS } from '../../cases/caseSorts.js';
import { pageLimit } from '../pageSize.js';
import type { CaseListQuery, PatchCaseBody } from './bodies.js';

export { MAX_PAGE } from '../pageSize.js';

/** GET /api/cases query once checked: `sort` and `limit` have their defaults. */
export interface ListCasesQuery extends CaseListQuery {
  sort: NonNullable<CaseListQuery['sort']>;
  limit: number;
}

const listCasesSchema: JSONSchemaType<ListCasesQuery> = {
  type: 'object',
  required: ['sort', 'limit'],
  additionalProperties: false,
  properties: {
    team: { type: 'string', nullable: true, pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
    tier: { type: 'integer', nullable: true, enum: [...TIERS] },
    status: { type: 'string', nullable: true, enum: [...CASE_STATUSES] },
    priority: { type: 'string', nullable: true, enum: [...PRIORITIES] },
    tag: { type: 'string', nullable: true, minLength: 1, maxLength: 64 },
    channel: { type: 'string', nullable: true, enum: [...CHANNELS] },
    // A user name's shape (schemas/user.ts); `me` and `none` fit it too.
    assignee: { type: 'string', nullable: true, pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$' },
    active: { type: 'boolean', nullable: true },
    snoozed: { type: 'boolean', nullable: true },
    sort: { type: 'string', enum: [...CASE_SORTS], default: 'activity' },
    limit: pageLimit(50),
    cursor: { type: 'string', nullable: true, minLength: 1, maxLength: 200 },
  },
};

export const checkListCasesQuery = queryValidator(listCasesSchema);

const patchCaseSchema: JSONSchemaType<PatchCaseBody> = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    status: { type: 'string', nullable: true, enum: [...SETTABLE_CASE_STATUSES] },
    assignee: { type: 'string', nullable: true, minLength: 1, maxLength: 64 },
    priority: { type: 'string', nullable: true, enum: [...PRIORITIES] },
    tags: { type: 'array', nullable: true, maxItems: 20, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
    // An ISO 8601 instant with its offset; updateCase checks that it is a real, future time.
    snoozedUntil: { type: 'string', nullable: true, maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$' },
    version: { type: 'integer', nullable: true, minimum: 1 },
  },
};

export const checkPatchCaseBody = bodyValidator(patchCaseSchema, { nullable: ['assignee', 'snoozedUntil'] });
