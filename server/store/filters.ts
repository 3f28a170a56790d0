import { UnsafeQueryError } from './errors.js';
import { isPlainObject } from './validate.js';
import type { Filter, PipelineStage } from './port.js';

/**
 * What the store enforces on filters (before either backend sees them):
 * - top-level keys are field paths, or `$and` / `$or` / `$nor` holding filters;
 * - an object value is either an operator object whose keys are all known
 *   query operators (QUERY_OPERATORS), or a plain sub-document with no key
 *   starting with '$' at any depth (so `{ name: { $ne: null } }` passes only
 *   where operators are expected, and `{ name: { a: { $gt: 1 } } }` never does);
 * - operators that run JavaScript (`$where`, `$function`, `$accumulator`) are
 *   refused everywhere, in filters and pipelines.
 * Whether a value was *meant* to be plain only the caller knows: put every
 * value that comes from a request through plainValue() before it goes into a
 * filter, so a body like `{"username": {"$ne": null}}` cannot widen a query.
 */
const QUERY_OPERATORS = new Set([
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin',
  '$exists', '$type', '$all', '$elemMatch', '$size', '$regex', '$options', '$not', '$mod',
]);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
const SCRIPT_OPERATORS = new Set(['$where', '$function', '$accumulator']);
// Pipelines are limited to what every MongoDB-protocol server the store supports runs: FerretDB v1 has these stages,
// only $sum and $count as $group accumulators and $sum and $type as expressions (no $facet, $percentile, $cond,
// $divide...). Anything more is computed by the caller from the rows (docs/mongodb.md).
const PIPELINE_STAGES = new Set(['$match', '$group', '$sort', '$project', '$addFields', '$set', '$unset', '$limit', '$skip', '$count', '$unwind']);
const PIPELINE_OPERATORS = new Set(['$sum', '$count', '$type']);

/** A value that may stand for itself in a filter. */
export type PlainValue = string | number | boolean | null | Date;

/** Asserts that a value (typically from a request) is a primitive or a Date before it is put into a filter. */
export function plainValue(value: unknown, what = 'value'): PlainValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new UnsafeQueryError(`${what} must be a string, number, boolean, null or Date in a query, got ${describe(value)}`);
}

/** Like plainValue, for a value that must be a string (ids, names). */
export function plainString(value: unknown, what = 'value'): string {
  if (typeof value === 'string') return value;
  throw new UnsafeQueryError(`${what} must be a string in a query, got ${describe(value)}`);
}

/** Throws UnsafeQueryError unless the filter follows the rules above. */
export function assertSafeFilter(filter: Filter, path = 'filter'): void {
  if (!isPlainObject(filter)) throw new UnsafeQueryError(`${path} must be an object, got ${describe(filter)}`);
  for (const [key, value] of Object.entries(filter)) {
    if (LOGICAL_OPERATORS.has(key)) {
      if (!Array.isArray(value) || value.length === 0) throw new UnsafeQueryError(`${path}.${key} must be a non-empty array of filters`);
      value.forEach((child, index) => assertSafeFilter(child as Filter, `${path}.${key}[${index}]`));
    } else if (key.startsWith('$')) {
      throw new UnsafeQueryError(`${path}: operator ${key} is not allowed at the top level of a filter`);
    } else {
      assertSafeCondition(value, `${path}.${key}`);
    }
  }
}

function assertSafeCondition(value: unknown, path: string): void {
  if (Array.isArray(value)) return value.forEach((item, index) => assertNoOperatorKeys(item, `${path}[${index}]`));
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  const operators = keys.filter((key) => key.startsWith('$'));
  if (operators.length === 0) return assertNoOperatorKeys(value, path);
  if (operators.length !== keys.length) throw new UnsafeQueryError(`${path} mixes operators and fields`);
  for (const operator of operators) {
    if (!QUERY_OPERATORS.has(operator)) throw new UnsafeQueryError(`${path}: operator ${operator} is not allowed`);
    const operand = value[operator];
    if (operator === '$elemMatch') {
      if (isPlainObject(operand) && Object.keys(operand).some((key) => !key.startsWith('$'))) assertSafeFilter(operand, `${path}.$elemMatch`);
      else assertSafeCondition(operand, `${path}.$elemMatch`);
    } else if (operator === '$not') assertSafeCondition(operand, `${path}.$not`);
    else assertNoOperatorKeys(operand, `${path}.${operator}`);
  }
}

function assertNoOperatorKeys(value: unknown, path: string): void {
  if (Array.isArray(value)) return value.forEach((item, index) => assertNoOperatorKeys(item, `${path}[${index}]`));
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$')) throw new UnsafeQueryError(`${path}: unexpected operator ${key} inside a value`);
    assertNoOperatorKeys(child, `${path}.${key}`);
  }
}

/** Throws UnsafeQueryError unless every stage is a read-only stage the store allows, with only the operators every backend runs, and no script operator appears anywhere. */
export function assertSafePipeline(pipeline: PipelineStage[]): void {
  if (!Array.isArray(pipeline)) throw new UnsafeQueryError('pipeline must be an array of stages');
  pipeline.forEach((stage, index) => {
    const keys = isPlainObject(stage) ? Object.keys(stage) : [];
    if (keys.length !== 1 || !PIPELINE_STAGES.has(keys[0]!)) throw new UnsafeQueryError(`pipeline[${index}]: stage ${keys.join(',') || describe(stage)} is not allowed`);
    assertNoScriptOperators(stage, `pipeline[${index}]`);
    if (keys[0] === '$match') assertSafeFilter(stage.$match as Filter, `pipeline[${index}].$match`);
    else assertPipelineOperators(stage[keys[0]!], `pipeline[${index}].${keys[0]}`);
  });
}

function assertPipelineOperators(value: unknown, path: string): void {
  if (Array.isArray(value)) return value.forEach((item, index) => assertPipelineOperators(item, `${path}[${index}]`));
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('$') && !PIPELINE_OPERATORS.has(key)) throw new UnsafeQueryError(`${path}: operator ${key} is not allowed (not every MongoDB-protocol server has it)`);
    assertPipelineOperators(child, `${path}.${key}`);
  }
}

function assertNoScriptOperators(value: unknown, path: string): void {
  if (Array.isArray(value)) return value.forEach((item, index) => assertNoScriptOperators(item, `${path}[${index}]`));
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if (SCRIPT_OPERATORS.has(key)) throw new UnsafeQueryError(`${path}: ${key} (runs JavaScript) is not allowed`);
    assertNoScriptOperators(child, `${path}.${key}`);
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object' && value !== null) return `an object with keys ${JSON.stringify(Object.keys(value))}`;
  return typeof value;
}
