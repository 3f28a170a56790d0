/**
 * Every view checked with axe-core (WCAG 2.1 A/AA): no serious or critical
 * violation, at laptop and phone width, with real cases on screen.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('accessibility of every view (browser)', () => {
  const running = useBrowserServer({
    seed: (server) => server.ingest([
      customerMessage('my parcel is late again, call me on +44 20 7946 0958', { handle: 'late_parcel', name: 'Lena Late' }),
      customerMessage('the app is broken since this morning', { handle: 'broken_app', name: 'Bo Broken' }),
      customerMessage('I was charged twice, please refund me', { handle: 'twice', name: 'Tom Twice', channel: 'dm' }),
    ]),
  });

  async function as(username: string | null, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await newContext(running.browser, running.server.url, viewport);
    const page = await context.newPage();
    if (username) {
      await logIn(page, username);
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    } else {
      await page.goto('/');
    }
    return page;
  }

  async function expectAccessible(page: Page, view: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect({ view, violations: await seriousAxeViolations(page) }).toEqual({ view, violations: [] });
  }

  it('the log-in form', async () => {
    const page = await as(null);
    await page.getByLabel('User name').waitFor();
    await expectAccessible(page, 'login');
    await page.context().close();
  });

  it('the inbox and a case, at laptop and phone width', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const page = await as('admin', viewport);
      await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
      await page.getByText('Bo Broken').first().waitFor();
      await expectAccessible(page, `inbox ${viewport ? 'phone' : 'laptop'}`);
      await page.getByText('Bo Broken').first().click();
      await page.getByRole('heading', { level: 2, name: 'Why it is here' }).waitFor();
      await expectAccessible(page, `case ${viewport ? 'phone' : 'laptop'}`);
      await page.context().close();
    }
  });

  it('the rules view with a rule open in the editor, and the inbox\'s keyboard help', async () => {
    const page = await as('admin');
    await page.goto('/rules');
    await page.getByRole('heading', { level: 1, name: 'Rules' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).first().click();
    await expectAccessible(page, 'rule editor');
    await page.goto('/inbox');
    await page.getByText('Bo Broken').first().waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'keyboard help');
    await page.context().close();
  });

  it('the people view asking to confirm a team\'s deletion', async () => {
    const page = await as('admin');
    await page.goto('/people');
    await page.getByRole('button', { name: 'Delete team social' }).click();
    await page.getByRole('button', { name: 'Keep' }).waitFor();
    await expectAccessible(page, 'people, confirming a delete');
    await page.context().close();
  });

  for (const [name, path, heading] of [['rules', '/rules', 'Rules'], ['monitor', '/monitor', 'Monitor'], ['metrics', '/metrics', 'Metrics'], ['people', '/people', 'People']] as const) {
    it(`the ${name} view`, async () => {
      const page = await as('admin');
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAccessible(page, name);
      await page.context().close();
    });
  }
});
