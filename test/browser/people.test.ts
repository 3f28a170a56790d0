import { expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';

describeInBrowser('people (browser)', () => {
  const running = useBrowserServer();

  it('an admin adds an agent to care (the server\'s errors shown at their fields first); the agent logs in and lands in the inbox', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('listitem', { name: 'ana' }).waitFor();

    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Username').fill('nora');
    await form.getByLabel('Name (optional)').fill('Nora Diaz');
    await form.getByLabel('Password (at least 8 characters)').fill('short');
    await form.getByLabel('Role').selectOption('agent');
    await form.getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: /^care / }).check();
    await form.getByRole('button', { name: 'Add user' }).click();
    // The 400's pointer /password puts its message under the password field, which is marked invalid.
    const password = form.getByLabel('Password (at least 8 characters)');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${describedBy}"]`).textContent()).resolves.toMatch(/8 characters/);
    await screenshot(page, 'people-errors');

    await password.fill('nora long password');
    await form.getByRole('button', { name: 'Add user' }).click();
    await form.getByText('User nora added.').waitFor();
    const nora = page.getByRole('listitem', { name: 'nora' });
    await expect(nora.textContent()).resolves.toMatch(/Nora Diaz.*agent.*care.*Active/);
    await screenshot(page, 'people');

    await page.getByRole('button', { name: 'Log out' }).click();
    await logIn(page, 'nora', 'nora long password');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.waitForURL((url) => url.pathname === '/inbox');
    const links = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents();
    expect(links).not.toContain('People');
    await context.close();
  });

  it('an admin disables a user and creates a team', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.goto('/people');
    const hugo = page.getByRole('listitem', { name: 'hugo' });
    await hugo.getByRole('button', { name: 'Disable hugo' }).click();
    await hugo.getByRole('button', { name: 'Enable hugo' }).waitFor();
    await expect(hugo.textContent()).resolves.toContain('Disabled');

    const teamForm = page.getByRole('form', { name: 'Add a team' });
    await teamForm.getByLabel('Team name (lower case, as rules name it)').fill('night-shift');
    await teamForm.getByLabel('Tier').selectOption('1');
    await teamForm.getByRole('button', { name: 'Add team' }).click();
    await page.getByRole('row', { name: /night-shift/ }).waitFor();
    // The new team is offered at once to users.
    await page.getByRole('form', { name: 'Add a user' }).getByRole('group', { name: 'Teams' }).getByRole('checkbox', { name: /^night-shift / }).waitFor();

    // Deleting asks first; a team still in use is refused with what uses it; an unused one goes.
    await page.getByRole('button', { name: 'Delete team care' }).click();
    await page.getByRole('button', { name: 'Keep' }).click();
    await page.getByRole('button', { name: 'Delete team care' }).click();
    await page.getByRole('button', { name: 'Delete care', exact: true }).click();
    await page.getByText(/team "care" cannot be deleted/).waitFor();
    await page.getByRole('row', { name: /care/ }).first().waitFor();
    await page.getByRole('button', { name: 'Delete team night-shift' }).click();
    await page.getByRole('button', { name: 'Delete night-shift', exact: true }).click();
    await page.getByRole('row', { name: /night-shift/ }).waitFor({ state: 'detached' });
    await context.close();
  });
});
