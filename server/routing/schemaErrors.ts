import type { ErrorObject } from 'ajv';
import type { PointedError } from './types.js';

/** Turns ajv errors into {pointer, message} pairs an admin can act on. */
export function pointedSchemaErrors(errors: readonly ErrorObject[]): PointedError[] {
  const seen = new Set<string>();
  const result: PointedError[] = [];
  for (const error of errors) {
    // `if` only repeats the error already reported by the branch it chose.
    if (error.keyword === 'if') continue;
    const pointed = pointErrorAt(error);
    const key = `${pointed.pointer}\u0000${pointed.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(pointed);
  }
  return result;
}

function pointErrorAt(error: ErrorObject): PointedError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { pointer: `${error.instancePath}/${escapePointer(String(params.missingProperty))}`, message: 'is required' };
    case 'additionalProperties':
      return {
        pointer: `${error.instancePath}/${escapePointer(String(params.additionalProperty))}`,
        message: 'is not a known property here',
      };
    case 'enum':
      return {
        pointer: error.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'minLength':
      return { pointer: error.instancePath, message: params.limit === 1 ? 'must not be empty' : error.message ?? 'is too short' };
    case 'pattern':
      return { pointer: error.instancePath, message: `must match the pattern ${String(params.pattern)}` };
    default:
      return { pointer: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
  }
}

/** Escapes one JSON Pointer reference token (RFC 6901). */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}
