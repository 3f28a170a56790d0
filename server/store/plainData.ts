import { isPlainObject } from './validate.js';

/**
 * Records are plain data: objects, arrays, strings, numbers, booleans, null
 * and dates. These copy and compare such values directly; structuredClone
 * and mingo's per-call set-up cost several times more on every case write.
 */

/** A deep copy of plain data (fresh objects, arrays and dates), or undefined when the value holds anything else (undefined entries included). */
export function clonePlainData(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const items: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      const item = clonePlainData(value[index]);
      if (item === undefined) return undefined;
      items[index] = item;
    }
    return items;
  }
  if (!isPlainObject(value)) return undefined;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = clonePlainData(value[key]);
    if (item === undefined || key === '__proto__') return undefined;
    copy[key] = item;
  }
  return copy;
}

/** A deep copy of a record: plain data copied directly, anything else by structuredClone. */
export function cloneRecord<T extends Record<string, unknown>>(record: T): T {
  return (clonePlainData(record) as T | undefined) ?? structuredClone(record);
}

/** Equality of plain data as mingo's isEqual has it (dates by time, arrays in order, objects by their keys in any order). */
export function plainDataEqual(a: unknown, b: unknown): boolean {
  if (a === b || Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => plainDataEqual(item, b[index]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && plainDataEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
