/**
 * `npm run bench -- inbox [--cases N] [--rate R] [--seconds S]`: in Chromium,
 * the time from navigation to an interactive inbox (first row on screen)
 * with N open cases stored, and the frames dropped while R new cases per
 * second stream in live; ends with one JSON line.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { Message } from '../server/routing/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FRAME_MS = 1000 / 60;

let sequence = 0;
/** An outage report: routed to tier 1 (an open case), each from its own author and thread. */
function outage(): Message {
  sequence += 1;
  return {
    id: `x:${2_000_000_000_000_000_000n + BigInt(sequence)}`, platform: 'x', channel: 'public', text: `@AcmeHelp the app is down again #${sequence}`,
    createdAt: new Date().toISOString(), author: { id: `bench-${sequence}`, handle: `customer${sequence}`, name: `Customer ${sequence}` },
  };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { cases: { type: 'string', default: '10000' }, rate: { type: 'string', default: '50' }, seconds: { type: 'string', default: '10' } } });
  const cases = Number(values.cases);
  const rate = Number(values.rate);
  const seconds = Number(values.seconds);
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium`);

  // Quiet server logs: set before the server's modules (and their logger) load.
  process.env.LOG_LEVEL ??= 'silent';
  const { readEnv } = await import('../server/env.js');
  const { startServer } = await import('../server/server.js');
  await build({ configFile: new URL('../vite.config.ts', import.meta.url).pathname, logLevel: 'error' });
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-inbox-'));
  const server = await startServer(readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, X_SIMULATOR: '0', LOG_LEVEL: 'silent' }));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    for (let i = 0; i < cases; i += 1000) await server.ingest(Array.from({ length: Math.min(1000, cases - i) }, outage));
    console.log(`${cases} open cases stored`);

    const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
    // Log in once through the form; the measured navigation then starts with the session cookie set.
    await page.goto('/');
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.case-row').first().waitFor();
    // When the first row is in the page, as seen from the page (ms since navigation start).
    await page.addInitScript(`new MutationObserver((records, observer) => {
      if (!document.querySelector('.case-row')) return;
      window.firstRowAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });`);
    await page.goto('/inbox');
    await page.locator('.case-row').first().waitFor();
    const interactiveMs = Math.round((await page.evaluate('window.firstRowAt')) as number);
    // Let the live connection settle before streaming.
    await page.waitForTimeout(1000);

    // Count frames while cases stream in: a gap of two frame times or more means frames were dropped.
    // A string, not a function: the bundler's helpers (keepNames) do not exist in the page.
    await page.evaluate(`(() => {
      const state = { deltas: [], last: performance.now(), running: true };
      window.frames_ = state;
      const tick = (now) => {
        state.deltas.push(now - state.last);
        state.last = now;
        if (state.running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const perTick = rate / 10;
    let streamed = 0;
    const started = Date.now();
    while (Date.now() - started < seconds * 1000) {
      const due = Math.floor(((Date.now() - started) / 1000) * rate) - streamed;
      if (due > 0) {
        await server.ingest(Array.from({ length: due }, outage));
        streamed += due;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000 / 10 / Math.max(1, perTick / 5)));
    }
    const deltas = (await page.evaluate('(() => { window.frames_.running = false; return window.frames_.deltas; })()')) as number[];
    const droppedFrames = deltas.reduce((sum, delta) => sum + Math.max(0, Math.round(delta / FRAME_MS) - 1), 0);
    const marker = await page.locator('.new-marker').textContent();
    console.log(`streamed ${streamed} cases in ${seconds} s; ${deltas.length} frames drawn, ${droppedFrames} dropped; marker: ${marker ?? 'none'}`);
    console.log(JSON.stringify({ bench: 'inbox', cases, interactiveMs, droppedFrames, frames: deltas.length, streamed, rate }));
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
