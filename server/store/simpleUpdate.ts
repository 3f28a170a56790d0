import { clonePlainData, plainDataEqual } from './plainData.js';

/**
 * `$set`, `$inc` and `$unset` of top-level fields (`$set` to plain data:
 * scalars, dates, and objects and arrays of them), applied as mingo applies them (mingo 7.2.7's update operators: `$set`
 * writes unless the value is equal, `$inc` counts from a missing field and
 * leaves a non-number alone, `$unset` removes a present field), without
 * mingo's per-call set-up (about 70 µs: it copies its operator tables into a
 * fresh context every time). Such updates are what ingestion and the case
 * commands send. Returns the changed paths, sorted (as mingo does), or
 * undefined when the update is anything else (dotted paths, other
 * operators, values holding anything but plain data, a path under two operators): the
 * caller then asks mingo, which also words any error.
 */
export function applySimpleUpdate(record: Record<string, unknown>, update: Record<string, unknown>): string[] | undefined {
  // Checked whole before anything changes; `$set` values are copied once here (the copy is what gets stored).
  const steps: Array<{ operator: string; path: string; value: unknown }> = [];
  const paths = new Set<string>();
  for (const [operator, fields] of Object.entries(update)) {
    if (operator !== '$set' && operator !== '$inc' && operator !== '$unset') return undefined;
    for (const [path, given] of Object.entries(fields as Record<string, unknown>)) {
      if (path.includes('.') || path.includes('$') || UNSAFE_PATHS.has(path) || paths.has(path)) return undefined;
      const value = operator === '$set' ? simpleCopy(given) : given;
      if (operator === '$set' && value === undefined) return undefined;
      if (operator === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) return undefined;
      paths.add(path);
      steps.push({ operator, path, value });
    }
  }
  const changed: string[] = [];
  for (const { operator, path, value } of steps) {
    if (operator === '$set' ? set(record, path, value) : operator === '$inc' ? increment(record, path, value as number) : unset(record, path)) changed.push(path);
  }
  return changed.sort();
}

const UNSAFE_PATHS = new Set(['__proto__', 'constructor', 'prototype']);

/** A copy of a `$set` value that is plain data without invalid dates, or undefined (mingo's to apply). */
function simpleCopy(value: unknown): unknown {
  return hasInvalidDate(value) ? undefined : clonePlainData(value);
}

function hasInvalidDate(value: unknown): boolean {
  if (value instanceof Date) return Number.isNaN(value.getTime());
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(hasInvalidDate);
}

/** As mingo's $set with cloneMode 'deep' (`value` is already that copy): the value, unless the field already holds an equal one. */
function set(record: Record<string, unknown>, path: string, value: unknown): boolean {
  if (plainDataEqual(record[path], value)) return false;
  record[path] = value;
  return true;
}

function increment(record: Record<string, unknown>, path: string, amount: number): boolean {
  const current = record[path];
  if ((typeof current !== 'number' || Number.isNaN(current)) && current !== undefined) return false;
  record[path] = (current || 0) + amount;
  return record[path] !== current;
}

function unset(record: Record<string, unknown>, path: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(record, path)) return false;
  const current = record[path];
  delete record[path];
  return current !== undefined;
}
