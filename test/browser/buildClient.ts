import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONFIG = join(ROOT, 'vite.config.ts');
/** Where server/app.ts serves the client from (vite.config.ts's outDir). */
const OUT_DIR = join(ROOT, 'dist', 'client');
// The server files the client imports as values (not only types): the router's field and operator tables (the rule editor),
// the personal-data detectors (the reply box's warning), X's reply length and the note limit (the reply and note boxes), the case statuses, priorities and tiers (the pickers), the webhook event types (the webhook form).
const SERVER_SOURCES = [['routing'], ['errors.ts'], ['replies', 'xLength.ts'], ['routes', 'cases', 'noteLimits.ts'], ['store', 'schemas', 'caseStatus.ts'], ['store', 'schemas', 'enums.ts'], ['store', 'schemas', 'webhookEventType.ts']].map((parts) => join(ROOT, 'server', ...parts));
const SOURCES = [join(ROOT, 'client'), ...SERVER_SOURCES, CONFIG, join(ROOT, 'package-lock.json')];

/**
 * Vitest global setup: builds the React client for the browser tests when the
 * build is missing or older than its sources. It builds beside the served
 * directory and swaps it in with renames, so a server another test run has
 * open never sees a half-written client.
 */
export default async function buildClient(): Promise<void> {
  if (await isFresh()) return;
  const next = `${OUT_DIR}.${process.pid}.next`;
  const old = `${OUT_DIR}.${process.pid}.old`;
  await build({ configFile: CONFIG, logLevel: 'error', build: { outDir: next, emptyOutDir: true } });
  if (existsSync(OUT_DIR)) await rename(OUT_DIR, old);
  await rename(next, OUT_DIR);
  await rm(old, { recursive: true, force: true });
}

async function isFresh(): Promise<boolean> {
  const built = join(OUT_DIR, 'index.html');
  if (!existsSync(built)) return false;
  const builtAt = (await stat(built)).mtimeMs;
  for (const source of SOURCES) if ((await newestChange(source)) > builtAt) return false;
  return true;
}

/** The latest modification time of a file, or of anything under a directory. */
async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestChange(join(path, entry)));
  return newest;
}
