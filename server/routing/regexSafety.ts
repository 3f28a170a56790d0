import { checkSync, type Diagnostics } from 'recheck';

/** How long recheck may analyse one expression before it counts as "could not be proven safe". */
export const REGEX_CHECK_TIMEOUT_MS = 2000;

/** How many verdicts are remembered (least recently used first out): enough for every expression of several large rule sets. */
const MAX_REMEMBERED_VERDICTS = 5000;

const verdicts = new Map<string, string | null>();

/** Judges an expression: why it is unsafe on customer text, or null when safe. */
export type RegexRisk = (source: string, flags: string) => string | null;

/**
 * Why a regular expression is unsafe to run on customer text (catastrophic
 * backtracking), or null when the `recheck` analyzer proves it safe.
 * Patterns recheck cannot decide are refused too: an admin can simplify them,
 * while a stalled router stops every inbox. Synchronous: it blocks the thread
 * while recheck runs, so servers judge expressions off the event loop first
 * (server/regexChecks) and this only finds the remembered verdict.
 */
export const regexRisk: RegexRisk = (source, flags) => {
  const remembered = rememberedRegexRisk(source, flags);
  if (remembered !== undefined) return remembered;
  return rememberRegexRisk(source, flags, checkSync(source, flags, { timeout: REGEX_CHECK_TIMEOUT_MS }));
};

/** The remembered verdict on an expression, or undefined when it has not been judged (or was forgotten). */
export function rememberedRegexRisk(source: string, flags: string): string | null | undefined {
  const key = verdictKey(source, flags);
  const verdict = verdicts.get(key);
  if (verdict === undefined) return undefined;
  // Re-inserted: the Map's order is then least recently used first.
  verdicts.delete(key);
  verdicts.set(key, verdict);
  return verdict;
}

/**
 * Turns recheck's diagnostics into a verdict and remembers it, except when
 * the analysis was cut short (a timeout depends on the machine's load, so a
 * later check may decide).
 */
export function rememberRegexRisk(source: string, flags: string, diagnostics: Diagnostics): string | null {
  const verdict = verdictOf(diagnostics);
  const cutShort = diagnostics.status === 'unknown' && (diagnostics.error.kind === 'timeout' || diagnostics.error.kind === 'cancel');
  if (cutShort) return verdict;
  const key = verdictKey(source, flags);
  verdicts.delete(key);
  verdicts.set(key, verdict);
  for (const oldest of verdicts.keys()) {
    if (verdicts.size <= MAX_REMEMBERED_VERDICTS) break;
    verdicts.delete(oldest);
  }
  return verdict;
}

function verdictOf(diagnostics: Diagnostics): string | null {
  if (diagnostics.status === 'vulnerable') {
    return `is open to catastrophic backtracking (${diagnostics.complexity.type} time${
      diagnostics.attack ? `, e.g. on "${truncate(diagnostics.attack.pattern)}"` : ''
    }); rewrite it without nested or overlapping repetition`;
  }
  if (diagnostics.status === 'unknown') {
    return `could not be proven safe from catastrophic backtracking (${diagnostics.error.kind}); simplify it`;
  }
  return null;
}

function verdictKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
