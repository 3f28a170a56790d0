import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLIENT = join(ROOT, 'client', 'src');
const SERVER = join(ROOT, 'server');
/** Packages the browser build has that server files the client bundles may use. */
const BROWSER_PACKAGES = new Set(['twitter-text', 'libphonenumber-js', 'libphonenumber-js/max']);

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourcesUnder(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []);

/** The value (not type-only) imports and re-exports of a file: [specifier, resolved path or null for a package]. */
function valueImports(file: string): Array<[string, string | null]> {
  const text = readFileSync(file, 'utf8');
  const found: Array<[string, string | null]> = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (match[1]) continue;
    const specifier = match[2]!;
    found.push([specifier, specifier.startsWith('.') ? resolve(dirname(file), specifier.replace(/\.js$/, '.ts')) : null]);
  }
  return found;
}

describe('server files in the browser build', () => {
  it('are only those whose whole import graph is browser-safe (no node: modules, no server-only packages)', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [specifier, path] of valueImports(file)) {
        if (path) visit(path);
        else if (!BROWSER_PACKAGES.has(specifier)) problems.push(`${relative(ROOT, file)} imports ${specifier}`);
      }
    };
    for (const file of sourcesUnder(CLIENT)) {
      for (const [, path] of valueImports(file)) if (path?.startsWith(SERVER)) visit(path);
    }
    expect(problems).toEqual([]);
    // The ones known today, so the walk is seen to reach them.
    expect([...seen].map((file) => relative(ROOT, file)).sort()).toEqual(expect.arrayContaining(['server/routing/fields.ts', 'server/routing/operators.ts', 'server/replies/xLength.ts', 'server/routes/cases/noteLimits.ts', 'server/store/schemas/caseStatus.ts', 'server/store/schemas/enums.ts']));
  });
});
