import type { JSONSchemaType } from 'ajv';
import { BACKTEST_MAX_LIMIT } from '../../commands/rules/backtestRuleSet.js';
import { bodyValidator } from '../../middleware/validation.js';
import type { BacktestBody, JsonObject, PublishBody, RollbackBody, SaveDraftBody, TestBody } from './bodies.js';

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
