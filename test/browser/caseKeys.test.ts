import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('inside a case: keyboard, assignment, status (browser)', () => {
  const running = useBrowserServer({
    seed: (server) => server.ingest([
      customerMessage('first: my order is late', { handle: 'kay_one', name: 'Kay One' }),
      customerMessage('second: the app crashes', { handle: 'kay_two', name: 'Kay Two' }),
      customerMessage('third: wrong size delivered', { handle: 'kay_three', name: 'Kay Three' }),
    ]),
  });

  async function inboxAs(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await newContext(running.browser, running.server.url, viewport);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.locator('.case-row', { hasText: 'Kay' }).first().waitFor();
    return page;
  }

  const rowNames = (page: Page) => page.locator('.case-row .customer').allTextContents();

  it('j/k move between the cases of the list, Esc returns to it with the same row selected and focused; e resolves with an undo', async () => {
    const page = await inboxAs('ana');
    const names = (await rowNames(page)).filter((name) => name.startsWith('Kay'));
    expect(names).toHaveLength(3);
    await page.locator('.case-row', { hasText: names[0]! }).click();
    await page.getByRole('heading', { level: 1, name: names[0]! }).waitFor();
    await page.keyboard.press('j');
    await page.getByRole('heading', { level: 1, name: names[1]! }).waitFor();
    await page.keyboard.press('j');
    await page.getByRole('heading', { level: 1, name: names[2]! }).waitFor();
    await page.keyboard.press('k');
    await page.getByRole('heading', { level: 1, name: names[1]! }).waitFor();

    await page.keyboard.press('e');
    await page.getByText('Resolved without a reply from us.').waitFor();
    await expect(page.locator('.case-head .status').textContent()).resolves.toBe('resolved');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByText('Back to new.').waitFor();
    await expect(page.locator('.case-head .status').textContent()).resolves.toBe('new');

    await page.keyboard.press('Escape');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.case-row')?.querySelector('.customer')?.textContent ?? '')).toBe(names[1]);
    await page.context().close();
  });

  it('assigns to a colleague and back to nobody; arrow keys on the status select save only on Enter, and the focus stays', async () => {
    const page = await inboxAs('ana', { width: 390, height: 844 });
    await page.locator('.case-row', { hasText: 'Kay Three' }).click();
    await page.getByRole('heading', { level: 1, name: /Kay Three/ }).waitFor();
    const assignee = page.getByLabel('Assigned to');
    await expect.poll(() => assignee.locator('option').allTextContents()).toEqual(expect.arrayContaining(['nobody', 'admin', 'ana (you)']));
    await assignee.selectOption('admin');
    await page.getByText('Assigned to admin.').waitFor();
    await assignee.selectOption('');
    await page.getByText('Unassigned.').waitFor();

    const status = page.getByLabel('Status', { exact: true });
    await status.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(status.inputValue()).resolves.toBe('pending');
    await expect(page.getByText(/^Status set to/).count()).resolves.toBe(0);
    await page.keyboard.press('Enter');
    await page.getByText('Status set to pending.').waitFor();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('case-status');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'case-controls-phone');
    await page.context().close();
  });
});
