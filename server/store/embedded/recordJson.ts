import type { StoredRecord } from '../port.js';

/**
 * A record as the JSON text of its row: dates become `{"$date": ms}` (a
 * field name the store refuses in documents, validate.ts, so it cannot be
 * mistaken for data), undefined fields are left out. Index columns read the
 * dates' milliseconds from there (indexColumns.ts).
 */
export function recordToJson(record: StoredRecord): string {
  // Dates write themselves as `{"$date": ms}` for the length of this call only (JSON.stringify is synchronous):
  // half the time of copying the record with its dates replaced first, and no copy to collect.
  const toJSON = Date.prototype.toJSON;
  Date.prototype.toJSON = storedDate as unknown as typeof toJSON;
  try {
    return JSON.stringify(record);
  } finally {
    Date.prototype.toJSON = toJSON;
  }
}

function storedDate(this: Date): { $date: number } {
  return { $date: this.getTime() };
}

/** The record a row's JSON text holds (dates revived): a fresh object the caller may keep or change. */
export function recordFromJson(text: string): StoredRecord {
  return revived(JSON.parse(text)) as StoredRecord;
}

/** Turns `{"$date": ms}` back into dates, in place (JSON.parse made the objects; a reviver callback on every value was slower). */
function revived(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) value[index] = revived(value[index]);
    return value;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  if (keys.length === 1 && keys[0] === '$date' && typeof object.$date === 'number') return new Date(object.$date);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = object[key];
    if (typeof item === 'object' && item !== null) define(object, key, revived(item));
  }
  return object;
}

/** Sets a field, as an own property even when it is named `__proto__` (a plain assignment would change the prototype). */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
