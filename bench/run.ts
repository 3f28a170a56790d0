import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Runs one benchmark: `npm run bench -- NAME [ARGS…]` imports bench/NAME.ts and
 * awaits its exported main(ARGS). Names are the .ts files beside this one.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.ts') && file !== 'run.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();

const [name, ...args] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  console.error(`${name ? `unknown benchmark "${name}"` : 'no benchmark named'}; available: ${available.join(', ')}`);
  console.error('usage: npm run bench -- NAME [ARGS...]');
  process.exit(2);
}

// Before the bench (and with it the server's logger) is loaded, so that start-up lines stay out of the figures.
process.env.LOG_LEVEL ??= 'silent';
const bench: unknown = await import(new URL(`./${name}.ts`, import.meta.url).href);
const main = (bench as { main?: unknown }).main;
if (typeof main !== 'function') {
  console.error(`bench/${name}.ts exports no main()`);
  process.exit(2);
}
await (main as (args: string[]) => unknown)(args);
