import { expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('notifications and dark mode (browser)', () => {
  const running = useBrowserServer({ seed: (server) => server.ingest([customerMessage('an old question about sizes', { handle: 'old_olga', name: 'Olga Old' })]) });

  it('counts new cases in the title while the agent is elsewhere, clears it in the inbox; the sound choice is remembered; desktop notifications are asked once', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'ana');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.getByLabel('Sound on new cases and mentions').check();
    await page.getByRole('button', { name: 'Desktop notifications…' }).click();
    await expect(page.getByRole('button', { name: 'Desktop notifications…' }).count()).resolves.toBe(0);

    await page.locator('.case-row', { hasText: 'Olga Old' }).click();
    await page.getByRole('heading', { level: 1, name: /Olga Old/ }).waitFor();
    await page.waitForLoadState('networkidle');
    await running.server.ingest([customerMessage('my order never came', { handle: 'new_nick', name: 'Nick New' }), customerMessage('the app crashes', { handle: 'new_nora', name: 'Nora New' })]);
    await expect.poll(() => page.title()).toBe('(2) Care inbox');
    await page.getByRole('link', { name: '← Inbox' }).click();
    await expect.poll(() => page.title()).toBe('Care inbox');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await expect(page.getByLabel('Sound on new cases and mentions').isChecked()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Desktop notifications…' }).count()).resolves.toBe(0);
    await context.close();
  });

  it('follows a dark system setting, and stays accessible (laptop and phone)', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const context = await newContext(running.browser, running.server.url, viewport);
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: 'dark' });
      await logIn(page, 'ana');
      await page.locator('.case-row', { hasText: 'Olga Old' }).waitFor();
      const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      expect(background).toBe('rgb(20, 24, 31)');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `inbox-dark-${viewport ? 'phone' : 'laptop'}`);
      await page.locator('.case-row', { hasText: 'Olga Old' }).click();
      await page.getByRole('heading', { level: 1, name: /Olga Old/ }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('tells a colleague mentioned in a note (toast, title), says in the note box whom it did not tell, and opens the case', async () => {
    const adminContext = await newContext(running.browser, running.server.url);
    const adminPage = await adminContext.newPage();
    await logIn(adminPage, 'admin');
    await adminPage.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
    await adminPage.getByRole('heading', { level: 1, name: 'Metrics', exact: true }).waitFor();
    await adminPage.waitForLoadState('networkidle');

    const anaContext = await newContext(running.browser, running.server.url);
    const anaPage = await anaContext.newPage();
    await logIn(anaPage, 'ana');
    await anaPage.locator('.case-row', { hasText: 'Olga Old' }).click();
    await anaPage.getByRole('heading', { level: 1, name: /Olga Old/ }).waitFor();
    // Taken first: a note leaves the case's version alone, and an untouched new case's update would count as a new case.
    await anaPage.getByRole('button', { name: 'Assign to me' }).click();
    await anaPage.getByRole('button', { name: 'Assign to me' }).waitFor({ state: 'detached' });
    await anaPage.getByLabel('Your note').fill('@admin can we offer a refund? (@hugo is help desk)');
    await anaPage.getByRole('button', { name: 'Add internal note' }).click();
    await anaPage.getByText('Note added to the history. Told: admin. Not told: hugo (cannot see this case).').waitFor();

    const toast = adminPage.locator('.toast-mention');
    await toast.getByText('ana mentioned you in a note on the case of Olga Old:').waitFor();
    await toast.getByText('“@admin can we offer a refund? (@hugo is help desk)”').waitFor();
    await expect.poll(() => adminPage.title()).toBe('(1) Care inbox');
    expect(await seriousAxeViolations(adminPage)).toEqual([]);
    await screenshot(adminPage, 'mention-toast');
    await toast.getByRole('button', { name: 'Open the case' }).click();
    await adminPage.getByRole('heading', { level: 1, name: /Olga Old/ }).waitFor();
    await expect(toast.count()).resolves.toBe(0);
    await adminContext.close();
    await anaContext.close();
  });
});
