/**
 * A record as one datafile line, exactly as nedb's `model.serialize` writes
 * it (dates as `{"$$date": ms}`, undefined fields left out), refusing the
 * field names nedb refuses. nedb serializes with a replacer callback on every
 * key; turning dates first and letting JSON.stringify run natively takes
 * half the time (about 2 µs instead of 5 µs for a message), and serializing
 * was 6% of the ingest bench.
 */
export function datafileLine(record: object): string {
  return JSON.stringify(persisted(record));
}

function persisted(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return { $$date: value.getTime() };
  if (Array.isArray(value)) return value.map(persisted);
  const line: Record<string, unknown> = {};
  const keys = Object.keys(value);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    const item = (value as Record<string, unknown>)[key];
    checkKey(key, item);
    if (item === undefined) continue;
    const copy = persisted(item);
    if (key === '__proto__') Object.defineProperty(line, key, { value: copy, enumerable: true, writable: true, configurable: true });
    else line[key] = copy;
  }
  return line;
}

/** nedb's rule (model.js checkKey): no '.' in a field name, and '$' only for its own markers. */
function checkKey(key: string, value: unknown): void {
  const marker = (key === '$$date' && typeof value === 'number') || (key === '$$deleted' && value === true) || key === '$$indexCreated' || key === '$$indexRemoved';
  if (key.startsWith('$') && !marker) throw new Error('Field names cannot begin with the $ character');
  if (key.includes('.')) throw new Error('Field names cannot contain a .');
}
