import type { Schema } from 'mongoose';
import type { StoredRecord } from '../port.js';

/** The most keys one lookup expands to (a compound prefix given as several `$in` lists multiplies them). */
const MAX_LOOKUP_KEYS = 10_000;

/** A value an equality lookup can use: strings, finite numbers and booleans (`null` also matches a missing field, so it cannot). */
export type ScalarValue = string | number | boolean;

/** True for the values an index keys records by. */
export function isScalar(value: unknown): value is ScalarValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * Hash indexes for equality lookups on the embedded backend: one per prefix
 * of each of the schema's indexes, so an equality on any prefix narrows as it
 * does in MongoDB (`{ platform, threadId: { $in } }` uses the index
 * `{ platform, threadId, status }`). A record is filed under the scalar
 * values of the prefix's fields (each element of an array field, as a
 * multikey index does); other values (null, missing, dates, objects) file it
 * nowhere, and no lookup can ask for them. Adding and removing a record costs
 * O(1) per prefix, where a nedb index costs O(records sharing the key), which
 * on fields with few values (platform, status, team) made every update scan
 * most of the collection.
 */
export class EqualityIndexes {
  private readonly prefixes: ReadonlyArray<readonly string[]>;
  /** Per prefix, key to its records: the record itself while it is the only one (most keys of most prefixes), else a set. */
  private readonly buckets: Array<Map<Key, Bucket>>;

  constructor(prefixes: ReadonlyArray<readonly string[]>) {
    this.prefixes = prefixes;
    this.buckets = prefixes.map(() => new Map());
  }

  /** Files a record under each prefix (the record itself, not a copy: lookups return it). */
  add(record: StoredRecord): void {
    for (let index = 0; index < this.prefixes.length; index++) {
      const buckets = this.buckets[index]!;
      const fields = this.prefixes[index]!;
      // The common case without building a list of keys: one field, one scalar.
      const single = fields.length === 1 ? fieldValue(record, fields[0]!) : undefined;
      if (isScalar(single)) fileUnder(buckets, single, record);
      else for (const key of recordKeys(record, fields)) fileUnder(buckets, key, record);
    }
  }

  /** Unfiles a record (the same object that was added). */
  remove(record: StoredRecord): void {
    for (let index = 0; index < this.prefixes.length; index++) {
      const buckets = this.buckets[index]!;
      const fields = this.prefixes[index]!;
      const single = fields.length === 1 ? fieldValue(record, fields[0]!) : undefined;
      if (isScalar(single)) unfile(buckets, single, record);
      else for (const key of recordKeys(record, fields)) unfile(buckets, key, record);
    }
  }

  /** Forgets every record. */
  clear(): void {
    for (const buckets of this.buckets) buckets.clear();
  }

  /**
   * The records filed under the given equalities (a value, or an `$in` list)
   * by the prefix that narrows most, and that prefix's fields; undefined when
   * no prefix has all its fields among them. Exactly the records matching
   * the equalities on those fields (as MongoDB matches a scalar: the value,
   * or an array holding it).
   */
  lookup(equalities: ReadonlyMap<string, ScalarValue | readonly ScalarValue[]>): { records: StoredRecord[]; fields: readonly string[] } | undefined {
    let best: Bucket[] | undefined;
    let bestFields: readonly string[] = [];
    let bestSize = Infinity;
    this.prefixes.forEach((fields, index) => {
      if (!fields.every((field) => equalities.has(field))) return;
      const keys = lookupKeys(fields.map((field) => [equalities.get(field)!].flat()));
      if (!keys) return;
      const found: Bucket[] = [];
      let size = 0;
      for (const key of keys) {
        const bucket = this.buckets[index]!.get(key);
        if (bucket === undefined) continue;
        found.push(bucket);
        size += bucket instanceof Set ? bucket.size : 1;
      }
      // Ties go to the longer prefix: it may answer the whole filter.
      if (size < bestSize || (size === bestSize && fields.length > bestFields.length)) [best, bestSize, bestFields] = [found, size, fields];
    });
    if (!best) return undefined;
    if (best.length === 1) return { records: best[0] instanceof Set ? [...best[0]] : [best[0]!], fields: bestFields };
    // A multikey record can sit in several of the buckets.
    const records = new Set<StoredRecord>();
    for (const bucket of best) {
      if (bucket instanceof Set) for (const record of bucket) records.add(record);
      else records.add(bucket);
    }
    return { records: [...records], fields: bestFields };
  }
}

/** The records under one key: one record, or a set of two or more. */
type Bucket = StoredRecord | Set<StoredRecord>;

/** A bucket's key: a single field's value itself (a Map tells 1, '1' and true apart, and 0 from -0 not, as MongoDB), or JSON of several. */
type Key = ScalarValue | string;

function fileUnder(buckets: Map<Key, Bucket>, key: Key, record: StoredRecord): void {
  const bucket = buckets.get(key);
  if (bucket === undefined) buckets.set(key, record);
  else if (bucket instanceof Set) bucket.add(record);
  else if (bucket !== record) buckets.set(key, new Set([bucket, record]));
}

function unfile(buckets: Map<Key, Bucket>, key: Key, record: StoredRecord): void {
  const bucket = buckets.get(key);
  if (bucket === record) buckets.delete(key);
  else if (bucket instanceof Set && bucket.delete(record) && bucket.size === 1) buckets.set(key, bucket.values().next().value!);
}

/**
 * The prefixes of a schema's indexes worth keeping: each index's leading
 * fields up to (not including) its first Date field, whose values no lookup
 * can ask for, or its first dotted path that could cross an array (MongoDB
 * follows a path into arrays; a path through sub-documents and nested
 * objects only is read as a plain walk); `_id` is left to nedb's own index.
 * Duplicates are dropped.
 */
export function indexPrefixes(schema: Schema): string[][] {
  const prefixes = new Map<string, string[]>();
  for (const [fields] of schema.indexes()) {
    const names = Object.keys(fields);
    for (let length = 1; length <= names.length; length++) {
      const prefix = names.slice(0, length);
      const last = prefix[length - 1]!;
      if (last === '_id' || !throughObjectsOnly(schema, last) || schema.path(last)?.instance === 'Date') break;
      prefixes.set(JSON.stringify(prefix), prefix);
    }
  }
  return [...prefixes.values()];
}

/** Whether every step of a dotted path before its last is a sub-document or a nested object (never an array or Mixed). */
function throughObjectsOnly(schema: Schema, path: string): boolean {
  const parts = path.split('.');
  for (let end = 1; end < parts.length; end++) {
    const step = parts.slice(0, end).join('.');
    const type = schema.path(step) as { $isSingleNested?: boolean } | undefined;
    if (!type?.$isSingleNested && !(schema as unknown as { nested: Record<string, boolean> }).nested[step]) return false;
  }
  return true;
}

/** The keys a record is filed under for a prefix: one per combination of its fields' scalar values. */
function recordKeys(record: StoredRecord, fields: readonly string[]): Key[] {
  if (fields.length === 1) {
    const value = fieldValue(record, fields[0]!);
    if (isScalar(value)) return [keyOf([value])];
    return Array.isArray(value) ? [...new Set(value.filter(isScalar).map((item) => keyOf([item])))] : [];
  }
  const values: ScalarValue[] = [];
  for (const field of fields) {
    const value = fieldValue(record, field);
    // Some field is an array (or not a scalar): every combination, or none.
    if (!isScalar(value)) return lookupKeys(fields.map((name) => scalarsOf(fieldValue(record, name)))) ?? [];
    values.push(value);
  }
  return [keyOf(values)];
}

/** A field's value; a dotted path walks objects (indexPrefixes admits only paths with no array on the way). */
function fieldValue(record: StoredRecord, path: string): unknown {
  if (!path.includes('.')) return record[path];
  let value: unknown = record;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function scalarsOf(value: unknown): ScalarValue[] {
  if (isScalar(value)) return [value];
  return Array.isArray(value) ? value.filter(isScalar) : [];
}

/** Every combination of one value per field, as keys; undefined when there would be too many. */
function lookupKeys(values: ReadonlyArray<readonly ScalarValue[]>): Key[] | undefined {
  if (values.reduce((count, list) => count * list.length, 1) > MAX_LOOKUP_KEYS) return undefined;
  let combinations: ScalarValue[][] = [[]];
  for (const list of values) combinations = combinations.flatMap((combination) => list.map((value) => [...combination, value]));
  return combinations.map(keyOf);
}

/** An unambiguous key: one value as itself, several as JSON (where 1, '1' and true differ too, as they do in MongoDB). */
function keyOf(values: readonly ScalarValue[]): Key {
  return values.length === 1 ? values[0]! : JSON.stringify(values);
}
