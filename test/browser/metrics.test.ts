import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer } from '../server/startTestServer.js';
import { describeInBrowser, launchChromium, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('metrics (browser)', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    await server.ingest([
      customerMessage('the app is down', { handle: 'm1' }),
      customerMessage('website down again', { handle: 'm2' }),
      customerMessage('I was charged twice, refund please', { channel: 'dm', handle: 'm3' }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the figures as charts and tables for the chosen period', async () => {
    const context = await newContext(browser, server.url);
    const page = await context.newPage();
    await logIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metrics', exact: true }).waitFor();
    await page.getByText('Cases opened').waitFor();
    await expect(page.locator('.summary dd').first().textContent()).resolves.toBe('3');

    const perTier = page.getByRole('region', { name: 'Cases per tier' });
    await expect(perTier.getByRole('row', { name: /Tier 1 \(agent\)/ }).textContent()).resolves.toBe('Tier 1 (agent)2');
    await expect(perTier.getByRole('row', { name: /Tier 2 \(private\)/ }).textContent()).resolves.toBe('Tier 2 (private)1');
    await perTier.locator('svg.recharts-surface').waitFor();
    await screenshot(page, 'metrics');

    // A custom period before any case was opened has nothing in it.
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => page.locator('.summary dd').first().textContent()).toBe('0');
    await perTier.getByText('No cases in this period.').waitFor();
    await context.close();
  });
});
