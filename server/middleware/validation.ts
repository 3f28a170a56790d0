import { Ajv, type JSONSchemaType, type ValidateFunction } from 'ajv';
import { badRequest } from '../errors.js';
import { pointedSchemaErrors } from '../routing/schemaErrors.js';

const bodies = new Ajv({ allErrors: true });
// Query strings are all text: coerce "20" to 20, fill in defaults.
const queries = new Ajv({ allErrors: true, coerceTypes: true, useDefaults: true });

/** A compiled request schema: validates and narrows to the type the schema was checked against. */
export type RequestValidator<T> = ValidateFunction<T>;

/**
 * Compiles a request body or query schema once, at load. The schema is typed
 * as JSONSchemaType<T>, so it cannot drift from the request type T; since
 * that typing needs `nullable: true` on every optional property, this takes
 * it off again for all but the properties named in `nullable`, so a request
 * cannot send null where the API means "leave out".
 */
function compileRequestSchema<T>(ajv: Ajv, schema: JSONSchemaType<T>, nullable: readonly string[]): RequestValidator<T> {
  const copy = structuredClone(schema) as { properties?: Record<string, { nullable?: boolean }> };
  for (const [name, property] of Object.entries(copy.properties ?? {})) {
    if (!nullable.includes(name)) delete property.nullable;
  }
  return ajv.compile<T>(copy as JSONSchemaType<T>);
}

/** A validator of JSON request bodies (compile at module load). */
export function bodyValidator<T>(schema: JSONSchemaType<T>, options: { nullable?: readonly string[] } = {}): RequestValidator<T> {
  return compileRequestSchema(bodies, schema, options.nullable ?? []);
}

/** A validator of query strings, which coerces numbers and applies defaults (compile at module load). */
export function queryValidator<T>(schema: JSONSchemaType<T>): RequestValidator<T> {
  return compileRequestSchema(queries, schema, []);
}

/** The request body as T, or a 400 whose details point at each problem ([{pointer,message}]). */
export function validBody<T>(check: RequestValidator<T>, body: unknown): T {
  if (body === undefined) throw badRequest('send a JSON body with content-type application/json', [{ pointer: '', message: 'is required' }]);
  if (check(body)) return body;
  throw badRequest('invalid request body', pointedSchemaErrors(check.errors ?? []));
}

/** The query parameters as T (coerced, defaults applied), or a 400 whose details point at each parameter's problem. */
export function validQuery<T>(check: RequestValidator<T>, query: unknown): T {
  // req.query is recomputed on each access in express 5: validate (and coerce) a copy.
  const copy: unknown = { ...(query as Record<string, unknown>) };
  if (check(copy)) return copy;
  throw badRequest('invalid query parameters', pointedSchemaErrors(check.errors ?? []));
}
