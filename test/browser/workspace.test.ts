/**
 * The agent workspace in Chromium (issue 12): the availability switch, saved
 * replies (managed on People, inserted with `/` in the reply box and the case
 * view's `/` key), the customer panel with block and unblock, snooze (the `z`
 * key, presets, the Snoozed filter), business hours on People and the
 * due / paused display; each view axe-clean. Also: a logged-out first load
 * logs nothing in the console.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { allTeamsScope } from '../../server/store/index.js';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('the agent workspace (browser)', () => {
  const wanda = { id: `ws-wanda-${Date.now()}`, handle: 'wanda', name: 'Wanda Workspace' };
  let publicCase: string;
  let snoozeCase: string;

  const running = useBrowserServer({
    seed: async (server) => {
      const opening = customerMessage('my parcel is late', { author: wanda });
      const direct = customerMessage('still waiting for my parcel', { author: wanda, channel: 'dm' });
      const other = customerMessage('my parcel never came', { handle: 'sam_snooze', name: 'Sam Snooze' });
      await server.ingest([opening, direct, other]);
      const caseOf = async (authorId: string, channel: string) => (await server.store.collections.cases.findOne(allTeamsScope(), { 'customer.id': authorId, channel }))!._id;
      publicCase = await caseOf(wanda.id, 'public');
      snoozeCase = await caseOf(other.author.id, 'public');
    },
  });

  async function as(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await newContext(running.browser, running.server.url, viewport);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    return page;
  }

  async function expectAccessible(page: Page, view: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect({ view, violations: await seriousAxeViolations(page) }).toEqual({ view, violations: [] });
  }

  /** A JSON call from the page, with its session and CSRF token. */
  const call = (page: Page, method: string, path: string, body?: unknown) => page.evaluate(async ({ method, path, body }) => {
    const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const response = await fetch(path, { method, headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> | null };
  }, { method, path, body });

  it('logs nothing in the console on a logged-out first load (no GET /api/session without a session)', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    const errors: string[] = [];
    const sessionProbes: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('request', (request) => { if (new URL(request.url()).pathname === '/api/session') sessionProbes.push(request.method()); });
    await page.goto('/');
    await page.getByLabel('User name').waitFor();
    await page.waitForLoadState('networkidle');
    expect(errors).toEqual([]);
    expect(sessionProbes).toEqual([]);
    // Logged in, a reload still finds the session.
    await logIn(page, 'ana');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches availability in the header, and it stays after a reload', async () => {
    const page = await as('ana');
    const switcher = page.getByLabel('Availability');
    await expect.poll(() => switcher.inputValue()).toBe('offline');
    await switcher.selectOption('online');
    await expect.poll(async () => (await call(page, 'GET', '/api/me/availability')).body?.status).toBe('online');
    await page.reload();
    await expect.poll(() => page.getByLabel('Availability').inputValue()).toBe('online');
    await expectAccessible(page, 'availability');
    await page.context().close();
  });

  it('manages saved replies on People and inserts one with / in the reply box, placeholders filled', async () => {
    const page = await as('admin');
    await page.goto('/people');
    const section = page.getByRole('region', { name: 'Saved replies' });
    await section.getByLabel('Title').fill('Parcel delay');
    await section.getByLabel(/^Text/).fill('Hi {{author.name}}, sorry: case {{case.id}}');
    await section.getByLabel('Shortcut (typed after /)').fill('parcel');
    await section.getByRole('button', { name: 'Add saved reply' }).click();
    await section.getByText('Parcel delay').waitFor();
    await expectAccessible(page, 'people saved replies');

    await page.goto(`/cases/${encodeURIComponent(publicCase)}`);
    const box = page.getByLabel('Your reply');
    await box.fill('/');
    const search = page.getByRole('combobox', { name: 'Saved replies' });
    await search.fill('parc');
    await page.getByRole('option', { name: /Parcel delay/ }).waitFor();
    await expectAccessible(page, 'saved reply picker');
    await search.press('Enter');
    await expect.poll(() => box.inputValue()).toBe(`Hi Wanda Workspace, sorry: case ${publicCase}`);
    await expect(page.evaluate(() => document.activeElement?.id === document.querySelector('textarea')?.id)).resolves.toBe(true);

    // The case view's / key opens the list too; Escape closes it and gives focus back to the box.
    await box.fill('');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('/');
    await search.waitFor();
    await search.press('Escape');
    await expect(search.count()).resolves.toBe(0);
    await screenshot(page, 'workspace-saved-replies');
    await page.context().close();
  });

  it('shows the customer and their other cases (public and DM), and lets an admin block and unblock them', async () => {
    const page = await as('admin');
    await page.goto(`/cases/${encodeURIComponent(publicCase)}`);
    const panel = page.getByRole('region', { name: 'Customer' });
    await panel.getByText('1 other case:').waitFor();
    await panel.getByRole('link', { name: 'DM: still waiting for my parcel' }).waitFor();
    await panel.getByLabel('Reason to block').fill('abusive messages');
    await panel.getByRole('button', { name: 'Block' }).click();
    await panel.getByText('Blocked by admin: abusive messages').waitFor();
    await expectAccessible(page, 'customer blocked');
    await screenshot(page, 'workspace-customer');
    await panel.getByRole('button', { name: 'Unblock' }).click();
    await panel.getByLabel('Reason to block').waitFor();
    await expect(panel.getByText(/^Blocked by/).count()).resolves.toBe(0);
    await page.context().close();
  });

  it('snoozes with z and a preset, lists it under the Snoozed filter only, and wakes it', async () => {
    const page = await as('ana');
    await page.goto(`/cases/${encodeURIComponent(snoozeCase)}`);
    await page.getByRole('heading', { level: 1, name: /Sam Snooze/ }).click();
    await page.keyboard.press('z');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('In 1 hour');
    await page.keyboard.press('Enter');
    const snooze = page.getByRole('region', { name: 'Snooze' });
    await snooze.getByText(/^Snoozed until/).waitFor();
    await expect(page.locator('.case-head .due').textContent()).resolves.toMatch(/^paused, /);
    await expectAccessible(page, 'snoozed case');

    await page.goto('/inbox');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.getByText('Wanda Workspace').first().waitFor();
    await expect(page.getByText('Sam Snooze').count()).resolves.toBe(0);
    await page.getByLabel('Snoozed').selectOption('only');
    await page.getByText('Sam Snooze').first().waitFor();
    await page.waitForURL((url) => url.search.includes('snoozed=true'));
    await expect(page.getByText('Wanda Workspace').count()).resolves.toBe(0);
    await expectAccessible(page, 'inbox snoozed filter');
    await screenshot(page, 'workspace-snoozed');

    await page.goto(`/cases/${encodeURIComponent(snoozeCase)}`);
    await page.getByRole('button', { name: 'Wake now' }).click();
    await page.getByRole('region', { name: 'Snooze' }).getByRole('button', { name: 'In 1 hour' }).waitFor();
    await page.context().close();
  });

  it('sets a team\'s business hours on People (errors at the field), and a pending case shows its target paused', async () => {
    const page = await as('admin');
    await page.goto('/people');
    const section = page.getByRole('region', { name: 'Business hours' });
    await section.getByLabel('Team', { exact: true }).selectOption('care');
    await section.getByLabel('Every hour counts (no business hours)').uncheck();
    await section.getByLabel(/^Time zone/).fill('Mars/Olympus');
    await section.getByRole('button', { name: 'Save hours' }).click();
    await section.getByText(/is not an IANA time zone/).waitFor();
    await expect(section.getByLabel(/^Time zone/).getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, 'business hours error');
    await section.getByLabel(/^Time zone/).fill('Europe/London');
    await section.getByLabel('Holidays (YYYY-MM-DD, one a line)').fill('2026-12-25\n2026-12-26');
    await section.getByRole('button', { name: 'Save hours' }).click();
    await section.getByText('Saved: Europe/London').waitFor();
    const care = (await call(page, 'GET', '/api/teams')).body!.teams as Array<{ name: string; hours: unknown }>;
    expect(care.find((team) => team.name === 'care')!.hours).toEqual({ timeZone: 'Europe/London', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' }], holidays: ['2026-12-25', '2026-12-26'] });
    await expectAccessible(page, 'business hours');
    await screenshot(page, 'workspace-business-hours');

    await page.goto(`/cases/${encodeURIComponent(publicCase)}`);
    await page.getByLabel('Status').selectOption('pending');
    await expect.poll(() => page.locator('.case-head .due').textContent()).toMatch(/^paused/);
    await page.context().close();
  });

  it('works at phone width: the case view with its workspace panels is axe-clean', async () => {
    const page = await as('admin', { width: 390, height: 844 });
    await page.goto(`/cases/${encodeURIComponent(publicCase)}`);
    await page.getByRole('region', { name: 'Customer' }).getByText('1 other case:').waitFor();
    await expectAccessible(page, 'case at phone width');
    await page.context().close();
  });
});
