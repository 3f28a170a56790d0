import { expect, it } from 'vitest';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('the monitor (browser)', () => {
  const running = useBrowserServer({
    seed: async (server) => {
      const author = { id: 'monitor-author-1', handle: 'paula', name: 'Paula Public' };
      await server.ingest([
        customerMessage('your website is down again', { threadId: 'monitor-thread-1', author }),
        customerMessage('I was charged twice, refund me', { channel: 'dm', handle: 'dora', name: 'Dora Direct' }),
        // The starter rules suppress reposts: listed apart, left out of the charts.
        customerMessage('down to half price, everything must go', { kind: 'repost', handle: 'rita', name: 'Rita Repost' }),
      ]);
      // A later message joins the public thread's case; its e-mail address must not reach marketing.
      await server.ingest([customerMessage('still down, write to paula@example.com', { threadId: 'monitor-thread-1', author })]);
    },
  });

  it('shows marketing the public threads, read-only, with personal data masked and no DMs', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'mia');
    await page.getByRole('heading', { level: 1, name: 'Monitor', exact: true }).waitFor();
    const thread = page.getByRole('article', { name: 'Thread with @paula' });
    await thread.getByText('your website is down again').waitFor();
    await expect(thread.textContent()).resolves.toContain('still down, write to [email]');
    await expect(page.getByText('paula@example.com').count()).resolves.toBe(0);
    await expect(page.getByText('charged twice').count()).resolves.toBe(0);
    // Charts of what the page shows: volume over time and top keywords (with the figures as text).
    const keywords = page.getByRole('region', { name: 'Top keywords' });
    await expect(keywords.locator('.keywords li').first().textContent()).resolves.toBe('down (2)');
    await page.getByRole('region', { name: 'Public messages per hour' }).getByText(/^2 messages from/).waitFor();
    // A suppressed thread (a repost) is not among the public threads, but behind its own summary.
    await expect(page.getByRole('list', { name: 'Public threads' }).getByText('down to half price').count()).resolves.toBe(0);
    await page.getByText('1 suppressed thread (reposts, our own posts, other noise)').click();
    await page.getByRole('list', { name: 'Suppressed threads' }).getByRole('article', { name: 'Thread with @rita' }).waitFor();
    // Read-only: no form controls besides the page's own refresh.
    await expect(page.locator('main textarea, main select, main input').count()).resolves.toBe(0);
    await screenshot(page, 'monitor');
    await context.close();
  });

  it('shows new public threads live behind a marker, and counts them in the charts at once', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'mia');
    await page.getByRole('heading', { level: 1, name: 'Monitor', exact: true }).waitFor();
    await page.getByRole('article', { name: 'Thread with @paula' }).waitFor();
    const keywords = page.getByRole('region', { name: 'Top keywords' });
    await expect(keywords.getByText('checkout', { exact: false }).count()).resolves.toBe(0);

    await running.server.ingest([customerMessage('checkout fails, checkout is broken, checkout again', { handle: 'quinn', name: 'Quinn Live' })]);
    await page.getByRole('button', { name: '1 new thread: show' }).waitFor();
    // The charts already count it; the list waits until asked.
    await expect.poll(() => keywords.locator('.keywords li').first().textContent()).toBe('checkout (3)');
    await expect(page.getByRole('article', { name: 'Thread with @quinn' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '1 new thread: show' }).click();
    const thread = page.getByRole('article', { name: 'Thread with @quinn' });
    await expect(thread.textContent()).resolves.toContain('checkout fails, checkout is broken, checkout again');
    await expect(page.locator('.thread-cards > li').first().textContent()).resolves.toContain('@quinn');
    await screenshot(page, 'monitor-live');
    await context.close();
  });

  it('labels every bar of the keyword chart (recharts used to drop every other label)', async () => {
    await running.server.ingest(['router', 'modem', 'firmware', 'invoice', 'courier', 'warehouse', 'password', 'voucher', 'battery', 'screen']
      .map((word, index) => customerMessage(`${word} trouble number ${index}`, { handle: `label${index}`, name: `Label ${index}` })));
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'mia');
    await page.getByRole('article', { name: 'Thread with @label9' }).waitFor();
    const keywords = page.getByRole('region', { name: 'Top keywords' });
    await expect.poll(() => keywords.locator('.keywords li').count(), { timeout: 10_000 }).toBe(10);
    const words = (await keywords.locator('.keywords li').allTextContents()).map((item) => item.replace(/ \(\d+\)$/, ''));
    // The chart draws once its container is measured.
    await expect.poll(() => keywords.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents(), { timeout: 10_000 }).toEqual(words);
    await screenshot(page, 'monitor-keywords');
    await context.close();
  });
});
