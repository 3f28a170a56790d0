import type { SortSpec, StoredRecord } from '../port.js';

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
