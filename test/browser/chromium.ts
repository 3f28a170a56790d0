import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's chromium, which the browser tests drive (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_HINT = 'chromium not found: apt-get install -y chromium';
/** Where screenshots of every view go (gitignored). */
export const ARTIFACTS_DIR = new URL('../../test-artifacts/', import.meta.url).pathname;

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * A describe block for browser tests: runs when chromium is installed; without
 * it, fails under CI=true with the install command, and is reported skipped
 * (its name says how to install one) elsewhere.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM_PATH)) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs chromium', () => {
        throw new Error(INSTALL_HINT);
      });
    });
  } else {
    console.warn(`browser tests "${name}" skipped: ${INSTALL_HINT}`);
    describe.skip(`${name} (skipped: ${INSTALL_HINT})`, body);
  }
}

/** Starts chromium headless; Playwright gives every launch a fresh, temporary --user-data-dir. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS, timeout: 30_000 });
}

/** A fresh context (own cookies) at laptop size (or `viewport`, in `timezoneId`), failing on any request that leaves the test server. */
export async function newContext(browser: Browser, baseURL: string, viewport = { width: 1280, height: 800 }, options: { timezoneId?: string } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport, ...options });
  // Fail a step well inside the test's own timeout, so the report names the step.
  context.setDefaultTimeout(10_000);
  const origin = new URL(baseURL).origin;
  await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient')));
  return context;
}

/** Saves a full-page screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = `${ARTIFACTS_DIR}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
