const cache = new WeakMap<object, string>();

/** A stable string for a JSON value (object keys sorted), to compare conditions structurally; cached per object. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = cache.get(value);
  if (text === undefined) {
    text = canonicalize(value);
    cache.set(value, text);
  }
  return text;
}

function canonicalize(value: object): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
  return `{${entries.join(',')}}`;
}
