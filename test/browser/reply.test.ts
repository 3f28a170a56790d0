import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { startReplyServer } from '../routes/repliesServer.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';

describeInBrowser('replying and escalating (browser, X simulator)', () => {
  const running = useBrowserServer({ start: () => startReplyServer() });

  async function inboxAs(username: string): Promise<Page> {
    const context = await newContext(running.browser, running.server.server.url);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    return page;
  }

  it('a mention arrives live from the simulator; the agent reads why it is here, replies publicly, sees it delivered, and escalates it to Tier 2', async () => {
    const page = await inboxAs('ana');
    await page.waitForTimeout(300);
    const { tweet } = await running.server.mention('my parcel never arrived, order 5521', { id: '7001', username: 'paul_parcel', name: 'Paul Parcel' });
    await page.getByRole('button', { name: '1 new case: show' }).click();
    const row = page.locator('.case-row', { hasText: 'Paul Parcel' });
    await row.click();
    await page.getByRole('heading', { level: 1, name: /Paul Parcel/ }).waitFor();
    await page.getByText('my parcel never arrived, order 5521').waitFor();
    await expect(page.getByRole('region', { name: 'Why it is here' }).textContent()).resolves.toContain('No rule matched: the fallback of rule set version 1 routed it to team care, tier 1.');

    await page.getByLabel('Your reply').fill('Sorry @paul_parcel, we are looking into order 5521 now.');
    await page.getByRole('button', { name: 'Send public reply' }).click();
    await page.getByText(/^Reply (queued|sent)\.$/).waitFor();
    const ours = page.locator('.message.ours', { hasText: 'we are looking into order 5521' });
    await ours.locator('.delivery', { hasText: 'sent' }).waitFor();
    // The simulator got it as a reply to the customer's post.
    expect(running.server.sim.postedTweets().filter((post) => post.inReplyToTweetId === tweet.id).map((post) => post.text)).toEqual(['Sorry @paul_parcel, we are looking into order 5521 now.']);
    await screenshot(page, 'case-replied');

    await page.getByLabel('Reason').fill('asks about a payment: private help desk');
    await page.getByRole('button', { name: 'Escalate' }).click();
    await page.getByRole('heading', { level: 1, name: 'Escalated' }).waitFor();
    await page.getByText('The case is now Tier 2, team helpdesk, and has left your teams’ inbox.').waitFor();
    await page.context().close();

    // The help desk has it now, with the escalation in its history.
    const hugo = await inboxAs('hugo');
    await hugo.locator('.case-row', { hasText: 'Paul Parcel' }).click();
    await hugo.getByRole('region', { name: 'History' }).getByText('Escalated from Tier 1 care to Tier 2 helpdesk', { exact: false }).waitFor();
    await expect(hugo.getByRole('region', { name: 'History' }).textContent()).resolves.toContain('asks about a payment');
    // The receiving team reads the reason first, at the top, with who escalated and when.
    await expect(hugo.getByRole('region', { name: 'Escalation' }).textContent()).resolves.toMatch(/Escalated from Tier 1 care to Tier 2 helpdesk by ana, .*: asks about a payment/);
    await screenshot(hugo, 'case-escalated');
    await hugo.context().close();
  });
});
