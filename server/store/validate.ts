import { Error as MongooseError, Mongoose, type Model, type Schema } from 'mongoose';
import { StoreValidationError, type FieldIssue } from './errors.js';
import type { StoredRecord } from './port.js';
import { compileSchemaCheck, type SchemaCheck } from './schemaCheck.js';

/**
 * Models used only to validate and cast documents; never connected. Both
 * backends validate through them, so a document is held to the same schema
 * (types, enums, required paths, defaults, strictness) wherever it is stored.
 */
const validationMongoose = new Mongoose();

/** Each validation model's compiled check (null when its schema needs mongoose every time). */
const schemaChecks = new WeakMap<Model<unknown>, SchemaCheck | null>();

/** The validation model of a collection (compiled once). */
export function validationModel(name: string, schema: Schema): Model<unknown> {
  return (validationMongoose.models[name] as Model<unknown> | undefined) ?? validationMongoose.model<unknown>(name, schema, name);
}

/**
 * Applies the schema's defaults and casts, validates, and returns the plain
 * record to store; throws StoreValidationError naming every bad field. A
 * document the schema's compiled check vouches for (schemaCheck.ts) skips
 * building a mongoose document; every other one is judged by mongoose.
 */
export async function validateRecord(collection: string, model: Model<unknown>, raw: Record<string, unknown>, issuePrefix = ''): Promise<StoredRecord> {
  let check = schemaChecks.get(model);
  if (check === undefined) schemaChecks.set(model, (check = compileSchemaCheck(model.schema)));
  const vouched = check?.(raw);
  return vouched ? (vouched as StoredRecord) : validateWithMongoose(collection, model, raw, issuePrefix);
}

/** validateRecord by mongoose alone: builds the document, validates it and returns its plain form. */
export async function validateWithMongoose(collection: string, model: Model<unknown>, raw: Record<string, unknown>, issuePrefix = ''): Promise<StoredRecord> {
  assertStorableKeys(collection, raw, issuePrefix);
  let document;
  try {
    document = new model(raw);
  } catch (error) {
    throw toValidationError(collection, error, issuePrefix);
  }
  try {
    await document.validate();
  } catch (error) {
    throw toValidationError(collection, error, issuePrefix);
  }
  return document.toObject({ depopulate: true, flattenMaps: true, versionKey: false, virtuals: false, getters: false, transform: false }) as unknown as StoredRecord;
}

/**
 * Field names must not start with '$' nor contain '.' or NUL: MongoDB
 * stores but cannot query them, and the embedded backend's JSON rows mark
 * dates with a `$date` key (recordJson.ts), so the store refuses them on
 * both. Matters for Mixed paths.
 */
export function assertStorableKeys(collection: string, value: unknown, path = ''): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorableKeys(collection, item, `${path}[${index}]`));
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.startsWith('$') || key.includes('.') || key.includes('\0')) {
      throw new StoreValidationError(collection, [{ path: childPath, kind: 'key', message: "field names may not start with '$' or contain '.'" }]);
    }
    assertStorableKeys(collection, child, childPath);
  }
}

/** True for `{...}` objects (not arrays, Dates, RegExps or class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function toValidationError(collection: string, error: unknown, prefix: string): Error {
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  if (error instanceof MongooseError.ValidationError) {
    const issues: FieldIssue[] = Object.entries(error.errors)
      .filter(([, issue]) => !(issue instanceof MongooseError.ValidationError))
      .map(([path, issue]) => ({ path: at(path), kind: issue instanceof MongooseError.CastError ? 'cast' : String(issue.kind), message: issue.message }));
    return new StoreValidationError(collection, issues);
  }
  if (error instanceof MongooseError.StrictModeError) {
    return new StoreValidationError(collection, [{ path: at(error.path), kind: 'unknown', message: 'is not a field of this document' }]);
  }
  return error instanceof Error ? error : new Error(String(error));
}
