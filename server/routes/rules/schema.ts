import type { JSONSchemaType } from 'ajv';
import { BACKTEST_MAX_LIMIT } from '../../commands/rules/backtestRuleSet.js';
import { bodyValidator } from '../../middleware/validation.js';

/** Request bodies of the rules API. A rule set or message is only required to be an object here; its own validation (422) says the rest. */
type JsonObject = Record<string, unknown>;

/** PUT /api/rules/draft. */
export interface SaveDraftBody {
  ruleSet: JsonObject;
  /** The draft version being edited: 409 instead of overwriting another admin's save. */
  version?: number;
}

/** POST /api/rules/test. */
export interface TestBody {
  message: JsonObject;
  ruleSet?: JsonObject;
}

/** POST /api/rules/backtest. */
export interface BacktestBody {
  ruleSet: JsonObject;
  limit?: number;
}

/** POST /api/rules/publish (the body is optional). */
export interface PublishBody {
  /** The draft version reviewed: 409 if it changed since. */
  version?: number;
}

/** POST /api/rules/rollback. */
export interface RollbackBody {
  version: number;
}

const object = { type: 'object', required: [] } as unknown as JSONSchemaType<JsonObject>;
const optionalObject = { ...object, nullable: true } as const;
const draftVersion = { type: 'integer', minimum: 1, nullable: true } as const;

export const checkSaveDraftBody = bodyValidator<SaveDraftBody>({
  type: 'object',
  required: ['ruleSet'],
  additionalProperties: false,
  properties: { ruleSet: object, version: draftVersion },
});

export const checkTestBody = bodyValidator<TestBody>({
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: { message: object, ruleSet: optionalObject },
});

export const checkBacktestBody = bodyValidator<BacktestBody>({
  type: 'object',
  required: ['ruleSet'],
  additionalProperties: false,
  properties: { ruleSet: object, limit: { type: 'integer', minimum: 1, maximum: BACKTEST_MAX_LIMIT, nullable: true } },
});

export const checkPublishBody = bodyValidator<PublishBody>({
  type: 'object',
  required: [],
  additionalProperties: false,
  properties: { version: draftVersion },
});

export const checkRollbackBody = bodyValidator<RollbackBody>({
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: { version: { type: 'integer', minimum: 1 } },
});
