import type { StoredRecord } from '../port.js';

/** A copy of a record (records are plain data and dates, as nedb stores them; faster than structuredClone). */
export function copyRecord(record: StoredRecord): StoredRecord {
  return copyValue(record) as StoredRecord;
}

function copyValue(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) items[index] = copyValue(value[index]);
    return items;
  }
  // Plain loops: this runs for every record a find returns and every record stored (Object.entries was 2.5 times slower).
  const copy: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = copyValue((value as Record<string, unknown>)[key]);
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
