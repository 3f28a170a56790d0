import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { startFlakyNetwork, type FlakyNetwork } from './flakyNetwork.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('live updates (browser)', () => {
  const running = useBrowserServer();
  let network: FlakyNetwork;

  beforeAll(async () => {
    network = await startFlakyNetwork(running.server.url);
  });
  afterAll(async () => {
    await network?.close();
  });

  async function pageAs(username: string, url = running.server.url): Promise<Page> {
    const context = await newContext(running.browser, url);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    return page;
  }

  const row = (page: Page, customer: string) => page.locator('.case-row', { hasText: customer });

  it('keeps an open case current: a change made elsewhere and the customer\'s next message appear without reload', async () => {
    const author = { id: 'live-author-1', handle: 'lena', name: 'Lena Live' };
    await running.server.ingest([customerMessage('the app is down, nothing loads', { threadId: 'live-thread-1', author })]);
    const page = await pageAs('ana');
    await row(page, 'Lena Live').click();
    await page.getByRole('heading', { level: 1, name: /Lena Live/ }).waitFor();

    const admin = await pageAs('admin');
    await admin.goto(page.url());
    await admin.getByLabel('Priority', { exact: true }).selectOption('urgent');
    await admin.getByText('Priority set to urgent.').waitFor();
    await admin.context().close();
    await expect.poll(() => page.getByLabel('Priority', { exact: true }).inputValue()).toBe('urgent');

    await running.server.ingest([customerMessage('still down, any news?', { threadId: 'live-thread-1', author })]);
    await page.getByText('still down, any news?').waitFor();
    await screenshot(page, 'case-live');
    await page.context().close();
  });

  it('says when the connection is lost, recovers by itself, and catches up on what arrived meanwhile', async () => {
    const page = await pageAs('ana', network.url);
    await page.getByText('No cases here', { exact: false }).or(page.locator('.case-row').first()).waitFor();
    // Wait for the live connection, so there is one to lose.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => entry.name.includes('/socket.io/')));
    await page.waitForTimeout(300);

    network.drop();
    const banner = page.getByText('Connection lost: live updates are paused. Reconnecting…');
    await banner.waitFor();
    await screenshot(page, 'inbox-connection-lost');
    await running.server.ingest([customerMessage('site is down while you were away', { handle: 'otto', name: 'Otto Offline' })]);

    network.restore();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    // Either the server replays the missed event (the "new" marker) or the inbox refetched (the row itself).
    await row(page, 'Otto Offline').or(page.getByRole('button', { name: /1 new case/ })).first().waitFor();
    await page.context().close();
  });
});
