/** What erased text is replaced with inside history (events, audit entries, webhook payloads). */
export const ERASED = '[erased]';

/** Keys whose values are a person's words or identity wherever they appear in history about an erased case. */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set(['text', 'handle', 'name', 'preview', 'reason', 'attachments']);

/** Strings shorter than this are not searched for inside other texts: a two-letter name would erase half the words of unrelated texts. */
const MIN_NEEDLE = 3;

/**
 * Replaces a person's handles and names inside free text (case-insensitive;
 * a handle with or without its "@"). Returns the text unchanged when none
 * occurs.
 */
export function withoutNeedles(text: string, needles: readonly string[]): string {
  const pattern = needlePattern(needles);
  return pattern ? text.replace(pattern, ERASED) : text;
}

/** One case-insensitive pattern matching any of the needles, or null when none is long enough to search for. */
export function needlePattern(needles: readonly string[]): RegExp | null {
  const usable = [...new Set(needles.map((needle) => needle.trim().replace(/^@/, '')).filter((needle) => needle.length >= MIN_NEEDLE))];
  if (usable.length === 0) return null;
  // Longest first, so "Erin Export" is replaced whole before "Erin" could be.
  return new RegExp(usable.sort((a, b) => b.length - a.length).map(escapeRegex).join('|'), 'gi');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A copy of a JSON value from history with the person removed: values under
 * PERSONAL_KEYS become ERASED (lists become empty), and the needles are
 * replaced in every other string.
 */
export function scrubbed(value: unknown, needles: readonly string[], keys: ReadonlySet<string> = PERSONAL_KEYS): unknown {
  const pattern = needlePattern(needles);
  const walk = (inner: unknown): unknown => {
    if (typeof inner === 'string') return pattern ? inner.replace(pattern, ERASED) : inner;
    if (Array.isArray(inner)) return inner.map(walk);
    if (inner === null || typeof inner !== 'object' || inner instanceof Date) return inner;
    return Object.fromEntries(Object.entries(inner).map(([key, field]) => [key, keys.has(key) && field !== null ? erasedValue(field) : walk(field)]));
  };
  return walk(value);
}

function erasedValue(value: unknown): unknown {
  if (Array.isArray(value)) return [];
  if (typeof value === 'string') return value === '' ? '' : ERASED;
  if (typeof value === 'object') return null;
  return value;
}
