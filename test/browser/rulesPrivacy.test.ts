import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext } from './chromium.js';
import { logIn } from './logIn.js';

const RULES_FILE = new URL('./fixtures/reorder.rules.json', import.meta.url).pathname;

describeInBrowser('the rules editor: privacy lint, suppress and phone regions (browser)', () => {
  const running = useBrowserServer({ env: { RULES_FILE } });

  async function rulesAsAdmin(): Promise<Page> {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rules', exact: true }).waitFor();
    return page;
  }

  it('warns that a bot answer may reach personal data, switches to suppress (no reply), and saves phone regions', async () => {
    const page = await rulesAsAdmin();
    const card = page.getByRole('listitem', { name: /^Rule 3: outage/ });
    await card.getByRole('button', { name: 'Edit' }).click();
    await card.getByLabel('Tier', { exact: true }).selectOption('0');
    await card.getByLabel(/Automatic reply/).fill('Our status page is acme.example/status');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved \(draft version \d+\)/).waitFor();
    const warnings = page.getByRole('list', { name: 'Warnings for outage' });
    await expect(warnings.locator('.privacy-warning').textContent()).resolves.toBe('⚠ Privacy: may answer personal data in public (detected: email, phone, card)');

    await card.getByRole('switch', { name: /Suppress/ }).check();
    await expect(card.getByLabel(/Automatic reply/).isDisabled()).resolves.toBe(true);
    await expect(card.getByLabel(/Automatic reply/).inputValue()).resolves.toBe('');
    const regions = page.getByLabel(/Phone regions/);
    await regions.fill('gb, us');
    await regions.blur();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved \(draft version \d+\)/).waitFor();
    await expect(warnings.locator('.privacy-warning').textContent()).resolves.toBe('⚠ Privacy: suppresses personal data');
    await expect(page.getByRole('button', { name: 'Publish draft' }).isEnabled()).resolves.toBe(true);
    const saved = (await page.evaluate(() => fetch('/api/rules').then((response) => response.json()))).draft as { ruleSet: { locale?: unknown; rules: Array<{ then: unknown }> } };
    expect(saved.ruleSet.locale).toEqual({ regions: ['GB', 'US'] });
    expect(saved.ruleSet.rules[2]!.then).toEqual({ tier: 0, team: 'care', priority: 'high', suppress: true });
    await page.context().close();
  });
});
