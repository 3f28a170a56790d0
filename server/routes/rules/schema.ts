import { Ajv, type JSONSchemaType, type ValidateFunction } from 'ajv';
import { badRequest } from '../../errors.js';
import { BACKTEST_MAX_LIMIT } from '../../commands/rules/backtestRuleSet.js';
import { pointedSchemaErrors } from '../../routing/schemaErrors.js';

/** Request bodies of the rules API. A rule set or message is only required to be an object here; its own validation (422) says the rest. */
type JsonObject = Record<string, unknown>;

export interface SaveDraftBody {
  ruleSet: JsonObject;
  /** The draft version being edited: 409 instead of overwriting another admin's save. */
  version?: number;
}

export interface TestBody {
  message: JsonObject;
  ruleSet?: JsonObject;
}

export interface BacktestBody {
  ruleSet: JsonObject;
  limit?: number;
}

export interface PublishBody {
  /** The draft version reviewed: 409 if it changed since. */
  version?: number;
}

export interface RollbackBody {
  version: number;
}

const object = { type: 'object', required: [] } as unknown as JSONSchemaType<JsonObject>;
const draftVersion = { type: 'integer', minimum: 1, nullable: true } as const;

const ajv = new Ajv({ allErrors: true, strict: true });

const compile = <T>(schema: JSONSchemaType<T>): ValidateFunction<T> => ajv.compile(schema);

export const checkSaveDraftBody = compile<SaveDraftBody>({
  type: 'object',
  required: ['ruleSet'],
  additionalProperties: false,
  properties: { ruleSet: object, version: draftVersion },
});

export const checkTestBody = compile<TestBody>({
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: { message: object, ruleSet: { ...object, nullable: true } },
});

export const checkBacktestBody = compile<BacktestBody>({
  type: 'object',
  required: ['ruleSet'],
  additionalProperties: false,
  properties: { ruleSet: object, limit: { type: 'integer', minimum: 1, maximum: BACKTEST_MAX_LIMIT, nullable: true } },
});

export const checkPublishBody = compile<PublishBody>({
  type: 'object',
  required: [],
  additionalProperties: false,
  properties: { version: draftVersion },
});

export const checkRollbackBody = compile<RollbackBody>({
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: { version: { type: 'integer', minimum: 1 } },
});

/** The body as its schema types it, or 400 with one {pointer, message} per problem (pointers into the body). */
export function parseBody<T>(check: ValidateFunction<T>, body: unknown): T {
  if (check(body)) return body;
  throw badRequest('the request body is not valid', pointedSchemaErrors(check.errors ?? []));
}
