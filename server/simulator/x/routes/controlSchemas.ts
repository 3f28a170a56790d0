/** Bodies of the simulator-only /__sim control endpoints, checked with ajv (compiled once). */
import { Ajv } from 'ajv';
import { ENDPOINTS } from '../endpoints.js';
import { ACCOUNT_PROBLEMS, FAULT_KINDS, type FaultSpec } from '../faults.js';
import type { FeedOptions } from '../options.js';
import type { AddDmInput, AddMentionInput } from '../simulator.js';

const userSpec = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[0-9]{1,19}$' },
    username: { type: 'string', pattern: '^[A-Za-z0-9_]{1,15}$' },
    name: { type: 'string' },
    followersCount: { type: 'integer', minimum: 0 },
    verified: { type: 'boolean' },
  },
};

const ajv = new Ajv({ allErrors: true });

/** POST /__sim/faults */
export const isFaultSpec = ajv.compile<FaultSpec>({
  type: 'object',
  additionalProperties: false,
  required: ['kind'],
  properties: {
    kind: { enum: FAULT_KINDS },
    endpoint: { enum: ENDPOINTS },
    times: { type: 'integer', minimum: 1 },
    status: { enum: [500, 502, 503, 504] },
    holdMs: { type: 'integer', minimum: 0 },
    afterEffect: { type: 'boolean' },
    repeatCount: { type: 'integer', minimum: 1 },
    problem: { enum: ACCOUNT_PROBLEMS },
  },
});

/** POST /__sim/mentions */
export const isMentionInput = ajv.compile<AddMentionInput>({
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1 },
    author: userSpec,
    inReplyToTweetId: { type: 'string', pattern: '^[0-9]{1,19}$' },
    quoteOfTweetId: { type: 'string', pattern: '^[0-9]{1,19}$' },
    repostOfTweetId: { type: 'string', pattern: '^[0-9]{1,19}$' },
    indexDelayMs: { type: 'integer', minimum: 0 },
    withPhoto: { type: 'boolean' },
  },
});

/** POST /__sim/dms */
export const isDmInput = ajv.compile<AddDmInput>({
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string', minLength: 1 }, sender: userSpec },
});

/** POST /__sim/feed */
export const isFeedOptions = ajv.compile<FeedOptions>({
  type: 'object',
  additionalProperties: false,
  required: ['intervalMs'],
  properties: { intervalMs: { type: 'integer', minimum: 1 }, itemsPerTick: { type: 'integer', minimum: 1, maximum: 1000 } },
});
