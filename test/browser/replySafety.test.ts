import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { startReplyServer } from '../routes/repliesServer.js';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';

const PHONE = { width: 390, height: 844 };

describeInBrowser('reply safety: channels, personal data, failed replies (browser, X simulator)', () => {
  const running = useBrowserServer({ start: () => startReplyServer() });

  async function caseAs(username: string, caseId: string, viewport?: { width: number; height: number }): Promise<Page> {
    const context = await newContext(running.browser, running.server.server.url, viewport);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.goto(`/cases/${encodeURIComponent(caseId)}`);
    await page.getByRole('heading', { level: 2, name: 'Reply' }).waitFor();
    return page;
  }

  it('a Tier 2 case starts on DM; a public reply with a card number is warned about and cannot be sent, in the browser or over HTTP', async () => {
    const { case: opened } = await running.server.mention('I need a refund, my card was charged twice', { username: 'rita_refund', name: 'Rita Refund' });
    for (const viewport of [undefined, PHONE]) {
      const page = await caseAs('hugo', opened._id, viewport);
      await expect(page.getByLabel('Direct message').isChecked()).resolves.toBe(true);
      await page.getByLabel('Public reply').check();
      await page.getByLabel('Your reply').fill('Is this your card 4111 1111 1111 1111?');
      await page.getByRole('alert').getByText('This public reply contains a card number').waitFor();
      await expect(page.getByRole('button', { name: 'Send public reply' }).isDisabled()).resolves.toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `reply-privacy-tier2-${viewport ? 'phone' : 'laptop'}`);
      // Even a request made around the form is refused by the server.
      const status = await page.evaluate(async (id) => {
        const session = await (await fetch('/api/session')).json() as { csrfToken: string };
        const answer = await fetch(`/api/cases/${id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ text: 'card 4111 1111 1111 1111', channel: 'public' }) });
        return answer.status;
      }, opened._id);
      expect(status).toBe(422);
      await page.getByRole('button', { name: 'Switch to a DM' }).click();
      await expect(page.getByRole('button', { name: 'Send DM' }).isEnabled()).resolves.toBe(true);
      await page.context().close();
    }
    expect(running.server.sim.postedTweets().filter((post) => post.text.includes('4111'))).toEqual([]);
  });

  it('a DM case offers only a DM; a Tier 1 public reply with a phone number needs a confirmation', async () => {
    const { case: dm } = await running.server.dm('hello, where is my parcel', { username: 'dana_dm' });
    const dmPage = await caseAs('ana', dm._id);
    await dmPage.getByText('Sent as a direct message (this is a DM conversation).').waitFor();
    await expect(dmPage.getByLabel('Public reply').count()).resolves.toBe(0);
    await dmPage.context().close();

    const { case: opened } = await running.server.mention('my parcel is late', { username: 'pete_public' });
    const page = await caseAs('ana', opened._id, PHONE);
    await expect(page.getByLabel('Public reply').isChecked()).resolves.toBe(true);
    await page.getByLabel('Your reply').fill('Call us on +44 20 7946 0958 about it');
    await page.getByRole('alert').getByText('This public reply contains a phone number').waitFor();
    const send = page.getByRole('button', { name: 'Send public reply' });
    await expect(send.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Send it publicly anyway').check();
    // Ctrl+Enter sends from the text box.
    await page.getByLabel('Your reply').press('Control+Enter');
    await page.getByText(/^Reply (queued|sent)\.$/).waitFor();
    await expect.poll(() => running.server.sim.postedTweets().some((post) => post.text === 'Call us on +44 20 7946 0958 about it')).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a failed reply shows in the inbox row and as a live toast; Retry sends it, Edit opens it in the reply box', async () => {
    const { case: opened } = await running.server.mention('nobody answers me', { username: 'fay_failed', name: 'Fay Failed' });
    const page = await caseAs('ana', opened._id);
    running.server.sim.injectFault({ kind: 'serverError', endpoint: 'createTweet', times: 3 });
    await page.getByLabel('Your reply').fill('We are looking into it, Fay.');
    await page.getByRole('button', { name: 'Send public reply' }).click();
    const toast = page.locator('.toast', { hasText: 'Fay Failed' });
    await toast.getByText(/Reply failed: outcome unknown after 3 attempts/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'reply-failed-toast');
    await page.getByRole('link', { name: '← Inbox' }).click();
    await page.locator('.case-row', { hasText: 'Fay Failed' }).getByText(/Reply failed: outcome unknown after 3 attempts/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await toast.getByRole('button', { name: 'Edit' }).click();
    await expect.poll(() => page.getByLabel('Your reply').inputValue()).toBe('We are looking into it, Fay.');
    await page.locator('.message.ours').getByRole('button', { name: 'Retry this reply' }).click();
    await page.locator('.message.ours .delivery', { hasText: 'sent' }).waitFor();
    expect(running.server.sim.postedTweets().filter((post) => post.text === 'We are looking into it, Fay.')).toHaveLength(1);
    await page.context().close();
  });

  it('isolates names with direction overrides', async () => {
    const { case: opened } = await running.server.mention('hello there', { username: 'bidi_user', name: '\u202Enimda' });
    const page = await caseAs('ana', opened._id);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading.locator('bdi').first().textContent()).resolves.toBe('\u202Enimda');
    await page.goto('/inbox');
    const isolation = await page.locator('.case-row .customer bdi', { hasText: 'nimda' }).evaluate((node) => getComputedStyle(node).unicodeBidi);
    expect(isolation).toBe('isolate');
    await page.context().close();
  });
});
