import { expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';

describeInBrowser('logging in (browser)', () => {
  const running = useBrowserServer();

  const landings = [
    { username: 'admin', view: 'Inbox', path: '/inbox', nav: ['Inbox', 'Search', 'Rules', 'Monitor', 'Metrics', 'People', 'Webhooks', 'Audit'] },
    { username: 'ana', view: 'Inbox', path: '/inbox', nav: ['Inbox', 'Search', 'Rules', 'Metrics'] },
    { username: 'hugo', view: 'Inbox', path: '/inbox', nav: ['Inbox', 'Search', 'Rules', 'Metrics'] },
    { username: 'mia', view: 'Monitor', path: '/monitor', nav: ['Monitor'] },
  ];

  for (const { username, view, path, nav } of landings) {
    it(`${username} lands on the ${view}, sees only their role's navigation, and logs out`, async () => {
      const context = await newContext(running.browser, running.server.url);
      const page = await context.newPage();
      await logIn(page, username);
      await page.getByRole('heading', { level: 1, name: view, exact: true }).waitFor();
      await page.waitForURL((url) => url.pathname === path);
      const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
      expect(links).toEqual(nav);
      await screenshot(page, `${view.toLowerCase()}-${username}`);

      // The session survives a reload (GET /api/session on load).
      await page.reload();
      await page.getByRole('heading', { level: 1, name: view, exact: true }).waitFor();

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByLabel('User name').waitFor();
      const session = await page.evaluate(async () => (await fetch('/api/session')).status);
      expect(session).toBe(401);
      await context.close();
    });
  }

  it('says so when the password is wrong, and keeps the form', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'ana', 'not-the-password');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Wrong user name or password.');
    await expect(page.getByLabel('User name').inputValue()).resolves.toBe('ana');
    await screenshot(page, 'login-error');
    await context.close();
  });

  it('sends marketing away from the inbox to the monitor', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'mia');
    await page.getByRole('heading', { level: 1, name: 'Monitor', exact: true }).waitFor();
    await page.goto('/inbox');
    await page.getByRole('heading', { level: 1, name: 'Monitor', exact: true }).waitFor();
    await page.waitForURL((url) => url.pathname === '/monitor');
    await context.close();
  });

  it('returns to the log-in form when the session ends behind the page, and back to the same view after logging in', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'ana');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await context.clearCookies();
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await page.getByText('Your session has ended. Log in again to go on.').waitFor();
    await page.getByLabel('User name').fill('ana');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await expect(page.getByLabel('Status', { exact: true }).inputValue()).resolves.toBe('open');
    await context.close();
  });
});
