import { expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('search (browser)', () => {
  const running = useBrowserServer({
    seed: (server) => server.ingest([
      customerMessage('my blue kettle arrived cracked', { handle: 'kettle_kim', name: 'Kim Kettle' }),
      customerMessage('my red kettle makes a strange noise', { handle: 'red_rob', name: 'Rob Red' }),
    ]),
  });

  it('finds cases by the words of a message and opens one; the query stays in the address (laptop and phone)', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const context = await newContext(running.browser, running.server.url, viewport);
      const page = await context.newPage();
      await logIn(page, 'ana');
      await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
      await page.getByLabel(/Find cases by words/).fill('Kettle CRACKED');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('1 case found.').waitFor();
      await page.getByText('my blue kettle arrived cracked').waitFor();
      expect(page.url()).toContain('/search?q=Kettle+CRACKED');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `search-${viewport ? 'phone' : 'laptop'}`);
      await page.getByRole('link', { name: /Kim Kettle/ }).click();
      await page.getByRole('heading', { level: 1, name: /Kim Kettle/ }).waitFor();
      await page.goBack();
      await page.getByLabel(/Find cases by words/).fill('kettle');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await page.getByText('2 cases found.').waitFor();
      await context.close();
    }
  });

  it('offers to search older cases when a page is full, and adds what it finds to the list', async () => {
    // 52 matching cases: one page of 50, then the rest.
    await running.server.ingest(Array.from({ length: 52 }, (_, i) => customerMessage(`toaster number ${i} sparks`, { handle: `toaster_${i}`, name: `Toaster Owner ${i}` })));
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'ana');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.goto('/search?q=toaster%20sparks');
    await page.getByText(/^50 cases found in the cases opened since .+; older cases are not searched yet\.$/).waitFor();
    await expect(seriousAxeViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Search older cases' }).click();
    await page.getByText('52 cases found.').waitFor();
    await expect(page.locator('.search-results > li').count()).resolves.toBe(52);
    await expect(page.getByRole('button', { name: 'Search older cases' }).count()).resolves.toBe(0);
    await context.close();
  });
});
