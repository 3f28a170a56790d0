import { checkSync } from 'recheck';

const verdicts = new Map<string, string | null>();

/**
 * Why a regular expression is unsafe to run on customer text (catastrophic
 * backtracking), or null when the `recheck` analyzer proves it safe.
 * Patterns recheck cannot decide are refused too: an admin can simplify them,
 * while a stalled router stops every inbox.
 */
export function regexRisk(source: string, flags: string): string | null {
  const key = `${flags}/${source}`;
  const cached = verdicts.get(key);
  if (cached !== undefined) return cached;
  const diagnostics = checkSync(source, flags, { timeout: 2000 });
  let verdict: string | null = null;
  if (diagnostics.status === 'vulnerable') {
    verdict = `is open to catastrophic backtracking (${diagnostics.complexity.type} time${
      diagnostics.attack ? `, e.g. on "${truncate(diagnostics.attack.pattern)}"` : ''
    }); rewrite it without nested or overlapping repetition`;
  } else if (diagnostics.status === 'unknown') {
    verdict = `could not be proven safe from catastrophic backtracking (${diagnostics.error.kind}); simplify it`;
  }
  verdicts.set(key, verdict);
  return verdict;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
