import type { Schema, SchemaType } from 'mongoose';
import { isPlainObject } from './validate.js';

/** What a compiled check answers when it cannot vouch for a value: mongoose decides (and words the error). */
const UNSURE = Symbol('unsure');
type Checked = unknown;
type Check = (value: unknown) => Checked;

/** Validators that are plain functions of the value (mongoose's built-ins); anything else (user validators, async) is left to mongoose. */
const VALUE_VALIDATORS = new Set(['required', 'enum', 'min', 'max', 'minlength', 'maxlength', 'regexp']);
/** Path options whose whole effect is a default or one of the validators above. */
const KNOWN_OPTIONS = new Set(['type', 'required', 'default', 'enum', 'min', 'max', 'minlength', 'minLength', 'maxlength', 'maxLength', 'match', 'index', 'unique', 'sparse']);

/** The parts of a mongoose SchemaType read here (public in practice, untyped in mongoose's typings). */
interface PathInternals {
  instance: string;
  options: Record<string, unknown>;
  validators: Array<{ type: string; validator: unknown }>;
  setters: unknown[];
  isRequired?: boolean;
  defaultValue?: unknown;
  $isSingleNested?: boolean;
  $isMongooseDocumentArray?: boolean;
  $isMongooseArray?: boolean;
  schema?: Schema;
  embeddedSchemaType?: SchemaType;
}

const internals = (type: SchemaType) => type as unknown as PathInternals;

/** Builds, from a value already in its stored form, the record mongoose would make of it; undefined when only mongoose can tell. */
export type SchemaCheck = (raw: Record<string, unknown>) => Record<string, unknown> | undefined;

/**
 * A check compiled from a mongoose schema, to spare building a mongoose
 * document (about 100 µs) for the documents that are plainly valid: every
 * value already of its path's exact type (no casting), no unknown field,
 * every validator of the path passing (mongoose's own validator functions,
 * run on the value), defaults filled in as mongoose fills them. It only
 * ever vouches: whatever it is not sure of (a cast, a null on a validated
 * path, an empty object that mongoose's `minimize` would drop, an unknown
 * key) it hands to mongoose, which gives the verdict and the error. Null
 * when the schema uses something it does not know (setters, custom or
 * conditional validators, validate hooks, other types); such collections
 * are always validated by mongoose.
 */
export function compileSchemaCheck(schema: Schema): SchemaCheck | null {
  const check = objectCheck(schema);
  if (!check) return null;
  return (raw) => {
    const record = check(raw);
    return record === UNSURE ? undefined : (record as Record<string, unknown>);
  };
}

function objectCheck(schema: Schema): Check | null {
  const hooks = (schema as unknown as { s: { hooks: { _pres: Map<string, unknown[]>; _posts: Map<string, unknown[]> } } }).s.hooks;
  if (hooks._pres.get('validate')?.length || hooks._posts.get('validate')?.length || (schema as { discriminators?: unknown }).discriminators) return null;
  const fields: Array<{ name: string; check: Check }> = [];
  for (const [name, type] of Object.entries(schema.paths)) {
    if (name.includes('.') || name.startsWith('$') || name.includes('\0') || name === '__proto__') return null;
    const check = pathCheck(type);
    if (!check) return null;
    fields.push({ name, check });
  }
  const known = new Set(fields.map((field) => field.name));
  return (raw) => {
    if (!isPlainObject(raw)) return UNSURE;
    for (const key of Object.keys(raw)) if (!known.has(key)) return UNSURE;
    const record: Record<string, unknown> = {};
    for (const { name, check } of fields) {
      const value = check(raw[name]);
      if (value === UNSURE) return UNSURE;
      if (value !== undefined) record[name] = value;
    }
    return record;
  };
}

/** One path: its default when the value is undefined; null, or the typed value, if the path's validators pass (mongoose runs them on null too). */
function pathCheck(type: SchemaType): Check | null {
  const { options, validators, isRequired, defaultValue } = internals(type);
  if (Object.keys(options).some((option) => !KNOWN_OPTIONS.has(option)) || typeof options.required === 'function') return null;
  if (validators.some((validator) => !VALUE_VALIDATORS.has(validator.type) || typeof validator.validator !== 'function')) return null;
  const value = valueCheck(type);
  if (!value) return null;
  const passes = validatorsPass(type);
  const required = isRequired === true;
  return (input) => {
    let given = input;
    if (given === undefined && defaultValue !== undefined) {
      try {
        given = typeof defaultValue === 'function' ? (defaultValue as () => unknown)() : defaultValue;
      } catch {
        return UNSURE; // e.g. a default that reads the document: mongoose's to run
      }
    }
    if (given === undefined) return required ? UNSURE : undefined;
    if (given === null) return passes(null) ? null : UNSURE;
    return value(given);
  };
}

/** The typed value (a copy for dates, objects and arrays), checked by the path's validators (known to be VALUE_VALIDATORS). */
function valueCheck(type: SchemaType): Check | null {
  const path = internals(type);
  const { validators } = path;
  const passes = validatorsPass(type);
  const scalar = (accepts: (value: unknown) => boolean, copy: (value: unknown) => unknown = (value) => value): Check => (value) => (accepts(value) && passes(value) ? copy(value) : UNSURE);
  if (path.setters.length > 0) return null;
  switch (path.instance) {
    case 'String':
      return scalar((value) => typeof value === 'string');
    case 'Number':
      return scalar((value) => typeof value === 'number' && Number.isFinite(value));
    case 'Boolean':
      return scalar((value) => typeof value === 'boolean');
    case 'Date':
      return scalar((value) => value instanceof Date && !Number.isNaN(value.getTime()), (value) => new Date((value as Date).getTime()));
    case 'Mixed':
      return (value) => {
        const copy = plainData(value);
        return copy !== UNSURE && passes(value) ? copy : UNSURE;
      };
  }
  // Objects and arrays: only `required` (already handled above) may validate them here.
  if (validators.some((validator) => validator.type !== 'required')) return null;
  if (path.$isSingleNested && path.schema) {
    const object = objectCheck(path.schema);
    // minimize: mongoose drops a sub-document left empty.
    return object && ((value) => (isPlainObject(value) ? nonEmpty(object(value)) : UNSURE));
  }
  if (validators.length > 0) return null;
  if (path.$isMongooseDocumentArray && path.schema) {
    const element = objectCheck(path.schema);
    return element && arrayOf((item) => (isPlainObject(item) ? element(item) : UNSURE));
  }
  if (path.$isMongooseArray && path.embeddedSchemaType) {
    const element = internals(path.embeddedSchemaType);
    if (Object.keys(element.options).some((option) => !KNOWN_OPTIONS.has(option) || option === 'default' || option === 'required')) return null;
    if (element.validators.some((validator) => !VALUE_VALIDATORS.has(validator.type) || validator.type === 'required' || typeof validator.validator !== 'function')) return null;
    const item = ['String', 'Number', 'Boolean', 'Date'].includes(element.instance) ? valueCheck(path.embeddedSchemaType) : null;
    return item && arrayOf(item);
  }
  return null;
}

/** Runs the path's validators (plain functions of the value); a promise (an async validator) is not a pass. */
function validatorsPass(type: SchemaType): (value: unknown) => boolean {
  const { validators } = internals(type);
  return (value) =>
    validators.every(({ validator }) => {
      const ok: unknown = (validator as (value: unknown) => unknown).call(undefined, value);
      return Boolean(ok) && typeof (ok as { then?: unknown }).then !== 'function';
    });
}

function arrayOf(item: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return UNSURE;
    const items: unknown[] = [];
    for (const entry of value as unknown[]) {
      if (entry === undefined || entry === null) return UNSURE;
      const checked = item(entry);
      if (checked === UNSURE) return UNSURE;
      items.push(checked);
    }
    return items;
  };
}

function nonEmpty(value: Checked): Checked {
  return value !== UNSURE && Object.keys(value as object).length === 0 ? UNSURE : value;
}

/**
 * A Mixed value as mongoose would store it, copied: JSON-like data and
 * dates. Unsure of anything mongoose might reshape (empty objects, which
 * `minimize` drops; undefined entries; non-finite numbers; class
 * instances) or the store refuses (keys with '$', '.', NUL).
 */
function plainData(value: unknown): Checked {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNSURE;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? UNSURE : new Date(value.getTime());
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const entry of value as unknown[]) {
      const checked = entry === undefined ? UNSURE : plainData(entry);
      if (checked === UNSURE) return UNSURE;
      items.push(checked);
    }
    return items;
  }
  if (!isPlainObject(value)) return UNSURE;
  const keys = Object.keys(value);
  if (keys.length === 0) return UNSURE;
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    if (key.startsWith('$') || key.includes('.') || key.includes('\0') || key === '__proto__') return UNSURE;
    const checked = value[key] === undefined ? UNSURE : plainData(value[key]);
    if (checked === UNSURE) return UNSURE;
    copy[key] = checked;
  }
  return copy;
}
