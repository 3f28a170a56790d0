import type { JSONSchemaType } from 'ajv';
import type { CaseChanges } from '../../commands/updateCase.js';
import { bodyValidator, queryValidator } from '../../middleware/validation.js';
import { CASE_STATUSES, type CaseStatus } from '../../store/index.js';
import { CHANNELS, PRIORITIES, TIERS } from '../../store/schemas/enums.js';
import type { Channel, Priority } from '../../routing/index.js';
import { CASE_SORTS, type CaseSort } from '../../cases/listCases.js';

export const MAX_PAGE = 100;

/** GET /api/cases query. */
export interface ListCasesQuery {
  team?: string;
  tier?: number;
  status?: CaseStatus;
  priority?: Priority;
  tag?: string;
  channel?: Channel;
  /** A username, `me` (the caller) or `none` (unassigned). */
  assignee?: string;
  sort: CaseSort;
  limit: number;
  cursor?: string;
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
    sort: { type: 'string', enum: [...CASE_SORTS], default: 'activity' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 },
    cursor: { type: 'string', nullable: true, minLength: 1, maxLength: 200 },
  },
};

export const checkListCasesQuery = queryValidator(listCasesSchema);

/** PATCH /api/cases/:id body. */
export interface PatchCaseBody extends CaseChanges {
  version?: number;
}

const patchCaseSchema: JSONSchemaType<PatchCaseBody> = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    status: { type: 'string', nullable: true, enum: ['new', 'open', 'pending', 'resolved'] },
    assignee: { type: 'string', nullable: true, minLength: 1, maxLength: 64 },
    priority: { type: 'string', nullable: true, enum: [...PRIORITIES] },
    tags: { type: 'array', nullable: true, maxItems: 20, uniqueItems: true, items: { type: 'string', minLength: 1, maxLength: 64 } },
    version: { type: 'integer', nullable: true, minimum: 1 },
  },
};

export const checkPatchCaseBody = bodyValidator(patchCaseSchema, { nullable: ['assignee'] });
