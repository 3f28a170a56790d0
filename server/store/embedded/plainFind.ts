import type { Projection, SortSpec, StoredRecord } from '../port.js';

/**
 * The parts of a find the embedded backend does without mingo's cursor (lazy
 * stages, hashed grouping per sort key, projection by path) when the data
 * and the request are plain: sorting top-level fields of one kind of value,
 * and including top-level fields. Each answers exactly as mingo does
 * (property tests), or undefined to leave the find to mingo.
 */

type Kind = 'string' | 'number' | 'date';

/**
 * The records in `sort` order, as mingo's $sort orders them, when every sort
 * field is a top-level field holding, in every record, values of one kind:
 * strings (compared by UTF-16 code units, as mingo's native sort does),
 * numbers (not NaN) or valid dates. mingo sorts by each key in turn, stably,
 * grouping equal values (hashing every value); one comparison over all keys
 * gives the same order for such values at a fraction of the cost. Undefined
 * when the fields hold anything else (missing values, nulls, arrays, mixed
 * kinds): mingo then sorts.
 */
export function simpleSort(records: readonly StoredRecord[], sort: SortSpec): StoredRecord[] | undefined {
  const keys = Object.entries(sort);
  const kinds: Kind[] = [];
  for (const [field] of keys) {
    if (field.includes('.')) return undefined;
    const kind = kindOf(records, field);
    if (!kind) return undefined;
    kinds.push(kind);
  }
  return [...records].sort((a, b) => {
    for (let index = 0; index < keys.length; index++) {
      const [field, direction] = keys[index]!;
      const order = compareAs(kinds[index]!, a[field], b[field]);
      if (order !== 0) return direction === -1 ? -order : order;
    }
    return 0;
  });
}

function kindOf(records: readonly StoredRecord[], field: string): Kind | undefined {
  const first = records[0]?.[field];
  const kind: Kind | undefined = typeof first === 'string' ? 'string' : typeof first === 'number' ? 'number' : first instanceof Date ? 'date' : undefined;
  if (!kind) return undefined;
  for (const record of records) {
    const value = record[field];
    const same = kind === 'string' ? typeof value === 'string' : kind === 'number' ? typeof value === 'number' && !Number.isNaN(value) : value instanceof Date && !Number.isNaN(value.getTime());
    if (!same) return undefined;
  }
  return kind;
}

function compareAs(kind: Kind, a: unknown, b: unknown): number {
  const [x, y] = kind === 'date' ? [(a as Date).getTime(), (b as Date).getTime()] : [a as string | number, b as string | number];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The fields a projection includes, when it only includes top-level fields (`{ a: 1, b: 1 }`, `_id` always kept); undefined otherwise. */
export function includedFields(projection: Projection): string[] | undefined {
  const fields = Object.keys(projection);
  if (fields.some((field) => projection[field] !== 1 || field.includes('.') || field.startsWith('$'))) return undefined;
  return fields;
}

/** A record with only `_id` and the included fields it holds (a field holding undefined is left out, as mingo leaves it). */
export function pickFields(record: StoredRecord, fields: readonly string[]): StoredRecord {
  const picked: StoredRecord = { _id: record._id };
  for (const field of fields) if (field !== '_id' && record[field] !== undefined) picked[field] = record[field];
  return picked;
}
