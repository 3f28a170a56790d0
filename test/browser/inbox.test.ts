import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage, hasLiveEvents } from './messages.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"> the app is down again, see https://evil.example/steal?x=1';

describeInBrowser('the inbox and a case (browser)', () => {
  const running = useBrowserServer({
    seed: (server) => server.ingest([
      customerMessage(HOSTILE, { handle: 'eve', name: 'Eve Hostile' }),
      customerMessage('I was charged twice, please refund', { channel: 'dm', handle: 'bob', name: 'Bob Billing' }),
    ]),
  });

  async function inboxAs(username: string, viewport?: { width: number; height: number }, options: { live?: boolean } = {}): Promise<Page> {
    const context = await newContext(running.browser, running.server.url, viewport);
    // Without live events a page keeps what it loaded, as one would that lost them.
    if (options.live === false) await context.route('**/socket.io/**', (route) => route.abort());
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    return page;
  }

  const row = (page: Page, customer: string) => page.locator('.case-row', { hasText: customer });

  it("lists the cases of the agent's teams with tier, channel and time to target, and opens one from the keyboard", async () => {
    const page = await inboxAs('ana');
    await row(page, 'Eve Hostile').waitFor();
    const text = await row(page, 'Eve Hostile').textContent();
    expect(text).toMatch(/Public/);
    expect(text).toMatch(/T1 Agent/);
    expect(text).toMatch(/due in \d+ min/);
    // The private help desk's DM case is not ana's.
    await expect(row(page, 'Bob Billing').count()).resolves.toBe(0);
    await screenshot(page, 'inbox-cases');

    await page.keyboard.press('j');
    await expect(row(page, 'Eve Hostile').getAttribute('aria-current')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain('Eve Hostile');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Eve Hostile/ }).waitFor();
    await page.waitForURL(/\/cases\/[^/]+$/);

    // The customer's text is shown as text: the markup is visible, never run, and the link is not a link.
    await page.getByText('<img src=x onerror="window.__pwned=1">', { exact: false }).waitFor();
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('.thread img').count()).resolves.toBe(0);
    await expect(page.locator('a[href*="evil.example"]').count()).resolves.toBe(0);
    await expect(page.locator('.shown-link').textContent()).resolves.toBe('https://evil.example/steal?x=1');

    await expect(page.getByRole('region', { name: 'Why it is here' }).textContent()).resolves.toMatch(/Rule outage of rule set version 1 routed it to team care, tier 1\./);
    await expect(page.getByRole('region', { name: 'History' }).textContent()).resolves.toMatch(/Case opened: rule outage \(rules v1\) sent it to Tier 1 care/);
    await screenshot(page, 'case');
    await page.context().close();
  });

  it('shows a case that arrives while the inbox is open', async () => {
    const page = await inboxAs('ana');
    await row(page, 'Eve Hostile').waitFor();
    await running.server.ingest([customerMessage('your website is down, nothing loads', { handle: 'newcomer', name: 'Nina Newcomer' })]);
    if (await hasLiveEvents(running.server.url)) {
      // Live: an unobtrusive marker, not a jumping list; the new row shows once asked for.
      await page.getByRole('button', { name: '1 new case: show' }).click();
      await row(page, 'Nina Newcomer').waitFor();
      // The default order is priority, then target: the new case takes its place there, focused for the agent.
      await expect(page.evaluate(() => document.activeElement?.textContent ?? '')).resolves.toContain('Nina Newcomer');
    } else {
      // This server has no live events yet: the case is there after a reload, and no banner claims a lost connection.
      await page.reload();
      await row(page, 'Nina Newcomer').waitFor();
      await expect(page.getByText('Connection lost').count()).resolves.toBe(0);
    }
    await page.context().close();
  });

  it('changes status, and reloads the case when someone else changed it first', async () => {
    await running.server.ingest([customerMessage('app is down for me too', { handle: 'sam', name: 'Sam Status' })]);
    const page = await inboxAs('ana', undefined, { live: false });
    await row(page, 'Sam Status').click();
    await page.getByRole('heading', { level: 1, name: /Sam Status/ }).waitFor();

    // `bot` is routing's own status: never offered to people.
    await expect(page.getByLabel('Status', { exact: true }).locator('option').allTextContents()).resolves.toEqual(['new', 'open', 'pending', 'resolved']);
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await page.getByText('Status set to open.').waitFor();
    await page.getByRole('region', { name: 'History' }).getByText('Changed status new → open', { exact: false }).waitFor();

    // Another session changes the case behind this page's back.
    const other = await newContext(running.browser, running.server.url);
    const otherPage = await other.newPage();
    await logIn(otherPage, 'admin');
    await otherPage.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    const caseId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await otherPage.goto(`/cases/${encodeURIComponent(caseId)}`);
    await otherPage.getByLabel('Priority', { exact: true }).selectOption('urgent');
    await otherPage.getByText('Priority set to urgent.').waitFor();
    await other.close();

    await page.getByLabel('Priority', { exact: true }).selectOption('low');
    await page.getByText('Someone else changed this case meanwhile').waitFor();
    await expect.poll(() => page.getByLabel('Priority', { exact: true }).inputValue()).toBe('urgent');

    await page.getByLabel('Tags', { exact: true }).fill('outage, app, outage');
    await page.getByRole('button', { name: 'Save tags' }).click();
    await page.getByText('Tags set to outage, app.').waitFor();
    await expect(page.getByLabel('Tags', { exact: true }).inputValue()).resolves.toBe('outage, app');
    await page.context().close();
  });

  it('filters by team and status on the server, and keeps the filters in the address', async () => {
    const page = await inboxAs('ana');
    await row(page, 'Eve Hostile').waitFor();
    await page.getByLabel('Team', { exact: true }).selectOption('social');
    await page.waitForURL((url) => url.search === '?team=social');
    await page.getByText('No cases here with these filters.', { exact: false }).waitFor();
    await page.getByLabel('Team', { exact: true }).selectOption('care');
    await page.getByLabel('Status', { exact: true }).selectOption('new');
    await row(page, 'Eve Hostile').waitFor();
    await page.reload();
    await row(page, 'Eve Hostile').waitFor();
    await expect(page.getByLabel('Status', { exact: true }).inputValue()).resolves.toBe('new');
    await expect(page.getByLabel('Team', { exact: true }).inputValue()).resolves.toBe('care');
    await page.context().close();
  });

  /** Changes a case through the API as admin (its own session), as a colleague would; returns the case id. */
  async function changeAsAdmin(customerName: string, patch: Record<string, unknown>): Promise<string> {
    const login = await fetch(`${running.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo' }) });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const listed = (await (await fetch(`${running.server.url}/api/cases?limit=100`, { headers: { cookie } })).json()) as { cases: Array<{ id: string; customer: { name: string | null } }> };
    const found = listed.cases.find((item) => item.customer.name === customerName);
    if (!found) throw new Error(`no case of ${customerName}`);
    const reply = await fetch(`${running.server.url}/api/cases/${found.id}`, { method: 'PATCH', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(patch) });
    expect(reply.status).toBe(200);
    return found.id;
  }

  it('filters by tag and sorts by target on the server, and live updates follow the filters (in, out, the first line shown)', async () => {
    await running.server.ingest([customerMessage('the app is down since this morning\nI tried twice', { handle: 'fay', name: 'Fay Filter' })]);
    const page = await inboxAs('ana');
    await row(page, 'Fay Filter').waitFor();
    await expect(row(page, 'Fay Filter').locator('.preview').textContent()).resolves.toBe('the app is down since this morning');

    await page.getByLabel('Tag', { exact: true }).fill('watchlist');
    await page.getByLabel('Tag', { exact: true }).press('Enter');
    await page.waitForURL((url) => url.search === '?tag=watchlist');
    await page.getByText('No cases here with these filters.', { exact: false }).waitFor();

    // A colleague tags it: it now matches, and waits behind the marker like any arrival.
    await changeAsAdmin('Fay Filter', { tags: ['watchlist'] });
    await page.getByRole('button', { name: '1 new case: show' }).click();
    await row(page, 'Fay Filter').waitFor();
    await expect(page.locator('.case-row').count()).resolves.toBe(1);
    await page.getByLabel('Sort', { exact: true }).selectOption('due');
    await page.waitForURL((url) => url.search === '?tag=watchlist&sort=due');
    await row(page, 'Fay Filter').waitFor();
    await screenshot(page, 'inbox-filtered');

    // The tag removed: it no longer matches and leaves the list.
    await changeAsAdmin('Fay Filter', { tags: [] });
    await page.getByText('No cases here with these filters.', { exact: false }).waitFor();

    await page.getByLabel('Tag', { exact: true }).fill('');
    await page.getByLabel('Tag', { exact: true }).press('Enter');
    await page.getByLabel('Assigned', { exact: true }).selectOption('none');
    await page.waitForURL((url) => url.search === '?assignee=none&sort=due');
    await row(page, 'Fay Filter').waitFor();
    await page.context().close();
  });

  it('counts a reply live against 280 characters and refuses an over-long public reply', async () => {
    const page = await inboxAs('ana');
    await row(page, 'Eve Hostile').click();
    const box = page.getByLabel('Your reply');
    await box.fill('a'.repeat(270) + ' https://example.com/a/long/path');
    await page.getByText('294 / 280 characters: 14 too many for a public reply').waitFor();
    await expect(page.getByRole('button', { name: 'Send public reply' }).isDisabled()).resolves.toBe(true);
    await page.getByLabel('Direct message').check();
    await expect(page.getByRole('button', { name: 'Send DM' }).isEnabled()).resolves.toBe(true);
    await page.getByLabel('Public reply').check();
    await box.fill('Sorry about that, @eve, we are on it.');
    await page.getByText('37 / 280 characters').waitFor();
    await screenshot(page, 'case-reply');
    await page.context().close();
  });

  it('assigns (a), resolves (e) and opens to reply (r) from the keyboard', async () => {
    await running.server.ingest([customerMessage('the website is down here too', { handle: 'rita', name: 'Rita Keys' })]);
    const page = await inboxAs('ana');
    // Newest activity first, resolved cases shown: the case stays in view after `e`.
    await page.goto('/inbox?sort=activity&active=0');
    await expect(page.locator('.case-row').first().textContent()).resolves.toContain('Rita Keys');
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.getByText('Assigned the case of Rita Keys to you.').waitFor();
    await row(page, 'Rita Keys').getByText('assigned to ana').waitFor();
    await page.keyboard.press('e');
    await page.getByText('Resolved the case of Rita Keys without a reply from us.').waitFor();
    await row(page, 'Rita Keys').getByText('resolved', { exact: true }).waitFor();
    await page.keyboard.press('r');
    await page.getByRole('heading', { level: 1, name: /Rita Keys/ }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.id ?? '')).resolves.toMatch(/-text$/);
    await page.context().close();
  });

  it('e in the list says when we never replied, and Undo puts the case back at its row with the focus', async () => {
    await running.server.ingest([customerMessage('my parcel never came', { handle: 'una', name: 'Una Undo' })]);
    const page = await inboxAs('ana');
    // The default view (resolved cases left out), newest activity first: Una's case is the first row.
    await page.goto('/inbox?sort=activity');
    await expect(page.locator('.case-row').first().textContent()).resolves.toContain('Una Undo');
    const before = await page.locator('.case-row').count();
    await page.keyboard.press('j');
    await page.keyboard.press('e');
    await page.getByText('Resolved the case of Una Undo without a reply from us.').waitFor();
    await row(page, 'Una Undo').waitFor({ state: 'detached' });

    await page.locator('.quick-notice').getByRole('button', { name: 'Undo' }).click();
    await page.getByText('The case of Una Undo is new again.').waitFor();
    await expect(page.locator('.case-row').first().textContent()).resolves.toContain('Una Undo');
    await expect(page.locator('.case-row').count()).resolves.toBe(before);
    await expect(page.getByRole('button', { name: /new cases?: show/ }).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.closest('.case-row')?.textContent ?? '')).resolves.toContain('Una Undo');
    await page.context().close();
  });

  it('shows the keyboard shortcuts with ? and closes them with Escape', async () => {
    const page = await inboxAs('ana');
    await row(page, 'Eve Hostile').waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await screenshot(page, 'inbox-help');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.context().close();
  });

  it('works at phone width', async () => {
    const page = await inboxAs('ana', { width: 390, height: 844 });
    await row(page, 'Eve Hostile').waitFor();
    await screenshot(page, 'inbox-phone');
    // The filters fold away so the cases stay in view; opened, they work as on a desktop and say how many are set.
    const folded = page.getByText('Filters and sort', { exact: true });
    await expect(page.getByLabel('Priority').isVisible()).resolves.toBe(false);
    await folded.click();
    await page.getByLabel('Channel').selectOption('public');
    await page.getByText('Filters and sort (1 set)').waitFor();
    await page.getByLabel('Channel').selectOption('');
    await page.getByText('Filters and sort', { exact: true }).click();
    await row(page, 'Eve Hostile').click();
    await page.getByRole('heading', { level: 1, name: /Eve Hostile/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'case-phone');
    await page.context().close();
  });
});
