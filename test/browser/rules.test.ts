import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

const RULES_FILE = new URL('./fixtures/reorder.rules.json', import.meta.url).pathname;

describeInBrowser('the rules editor (browser)', () => {
  const running = useBrowserServer({ env: { RULES_FILE }, seed: (server) => server.ingest([customerMessage('I want a refund for my order', { handle: 'rhea' })]) });

  async function rulesAs(username: string): Promise<Page> {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rules' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rules', exact: true }).waitFor();
    return page;
  }

  const order = (page: Page) => page.locator('.rule-card .rule-id').allTextContents();

  it('reorders two rules from the keyboard, shows the lint warning, backtests, publishes, and routes the next message by the new order', async () => {
    const page = await rulesAs('admin');
    await expect(order(page)).resolves.toEqual(['refund-care', 'billing-private', 'outage']);

    // Keyboard drag and drop: Space lifts, ArrowUp moves, Space drops.
    await page.getByRole('button', { name: 'Move rule billing-private' }).focus();
    await page.keyboard.press('Space');
    await page.waitForTimeout(150);
    await page.keyboard.press('ArrowUp');
    await page.waitForTimeout(250);
    await page.keyboard.press('Space');
    await expect.poll(() => order(page)).toEqual(['billing-private', 'refund-care', 'outage']);
    await page.getByText('Unsaved changes.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Draft saved \(draft version \d+\)/).waitFor();
    const warnings = page.getByRole('list', { name: 'Warnings for refund-care' });
    await expect(warnings.textContent()).resolves.toContain('shadowed by billing-private');

    await page.getByRole('button', { name: 'Run backtest' }).click();
    await page.getByText('1 messages re-routed against active version 1: 1 would be decided by another rule, 1 would go to another tier or team.').waitFor();
    // The message itself and both decisions: the one in force and the edited rules'.
    const changed = page.locator('table.backtest tbody tr');
    await expect(changed.locator('.message-text').textContent()).resolves.toBe('I want a refund for my order');
    await expect(changed.locator('td').nth(1).textContent()).resolves.toBe('refund-care → Tier 1, care');
    await expect(changed.locator('td').nth(2).textContent()).resolves.toBe('billing-private → Tier 2, helpdesk');
    await expect(page.getByRole('columnheader', { name: 'Now (version 1)' }).count()).resolves.toBe(1);

    await page.getByLabel('Message text').fill('please refund me');
    await page.getByRole('button', { name: 'Route it' }).click();
    await page.getByText('Rule billing-private decides: Tier 2, team helpdesk, priority high.').waitFor();
    await screenshot(page, 'rules');

    await page.getByRole('button', { name: 'Publish draft' }).click();
    await page.getByText('Published as version 2: new conversations are routed by it now.').waitFor();
    await page.getByRole('region', { name: 'Versions' }).getByText('moved billing-private 2→1').waitFor();

    await running.server.ingest([customerMessage('refund please, wrong size', { handle: 'after_publish', name: 'After Publish' })]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    const row = page.locator('.case-row', { hasText: 'After Publish' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/T2 Private/);
    await page.context().close();
  });

  it('saves an invalid draft and shows each error at the field it points to; nothing can be published', async () => {
    const page = await rulesAs('admin');
    const card = page.getByRole('listitem', { name: /^Rule 3: outage/ });
    await card.getByRole('button', { name: 'Edit' }).click();
    const value = card.getByLabel('Value', { exact: true });
    await value.fill('');
    await value.blur();
    await card.getByLabel('Team', { exact: true }).fill('nobody-here');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText(/Saved, but the draft is invalid/).waitFor();
    await expect(value.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(card.locator('.field-errors').allTextContents()).resolves.toHaveLength(2);
    await expect(page.getByRole('button', { name: 'Publish draft' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'rules-errors');
    await page.context().close();
  });

  it('replaces the "Published as version N" notice once a rollback puts another version in force', async () => {
    const page = await rulesAs('admin');
    // A valid draft to publish: the set in force, renamed (saved through the API the editor uses).
    const { csrfToken } = await (await page.request.get('/api/session')).json() as { csrfToken: string };
    const rules = await (await page.request.get('/api/rules')).json() as { active: { version: number; ruleSet: Record<string, unknown> }; draft: { version: number } | null };
    const saved = await page.request.put('/api/rules/draft', { headers: { 'x-csrf-token': csrfToken }, data: { ruleSet: { ...rules.active.ruleSet, name: 'renamed for the rollback test' }, version: rules.draft?.version } });
    expect(saved.status()).toBe(200);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Rules', exact: true }).waitFor();

    const published = rules.active.version + 1;
    await page.getByRole('button', { name: 'Publish draft' }).click();
    const publishedNotice = page.getByText(`Published as version ${published}: new conversations are routed by it now.`);
    await publishedNotice.waitFor();

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: `Roll back to version ${rules.active.version}` }).click();
    await page.getByText(`Version ${rules.active.version} republished as version ${published + 1}.`).waitFor();
    await expect(publishedNotice.count()).resolves.toBe(0);
    await page.getByRole('region', { name: 'Versions' }).getByText(`Version ${published + 1} (in force)`).waitFor();
    await page.context().close();
  });

  it('shows agents the rules read-only', async () => {
    const page = await rulesAs('ana');
    await expect(page.locator('.rule-card').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Save draft' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Move rule/ }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
