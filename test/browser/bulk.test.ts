import { expect, it } from 'vitest';
import { allTeamsScope } from '../../server/store/index.js';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

describeInBrowser('bulk actions (browser)', () => {
  const running = useBrowserServer({
    seed: (server) => server.ingest([
      customerMessage('bulk one: a question about sizes', { handle: 'bulk_one', name: 'Bea Bulk' }),
      customerMessage('bulk two: a question about colours', { handle: 'bulk_two', name: 'Bo Bulk' }),
      customerMessage('bulk three: a question about stores', { handle: 'bulk_three', name: 'Bix Bulk' }),
    ]),
  });

  it('sets the priority of ticked cases with a result per case and an undo; a case changed meanwhile reports its 409 (laptop and phone)', async () => {
    for (const viewport of [undefined, { width: 390, height: 844 }]) {
      const context = await newContext(running.browser, running.server.url, viewport);
      const page = await context.newPage();
      await logIn(page, 'ana');
      await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
      await page.goto('/inbox?sort=activity');
      await page.locator('.case-row', { hasText: 'Bea Bulk' }).waitFor();
      await page.getByLabel('Select the case of Bea Bulk').check();
      await page.getByLabel('Select the case of Bo Bulk').check();
      const bar = page.locator('.bulk-bar');
      await bar.getByLabel('Priority').selectOption('urgent');
      await bar.getByRole('button', { name: 'Set' }).click();
      await bar.getByText('priority urgent: 2 of 2 done.').waitFor();
      await page.locator('.case-row', { hasText: 'Bea Bulk' }).getByText('urgent').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `bulk-${viewport ? 'phone' : 'laptop'}`);
      await bar.getByRole('button', { name: 'Undo' }).click();
      await bar.getByText('Undo: priority urgent: 2 of 2 done.').waitFor();
      await expect(page.locator('.case-row', { hasText: 'Bea Bulk' }).getByText('urgent').count()).resolves.toBe(0);

      // Someone else changes Bo's case: the list's copy is stale, so resolving both reports a conflict for it.
      const bo = await running.server.store.collections.cases.findOne(allTeamsScope(), { 'customer.handle': 'bulk_two' });
      await running.server.store.collections.cases.updateOne(allTeamsScope(), { _id: bo!._id }, { $inc: { version: 1 } });
      await bar.getByRole('button', { name: 'Resolve' }).click();
      await bar.getByText('resolve: 1 of 2 done.').waitFor();
      await bar.getByText('Bo Bulk: changed by someone else meanwhile: not changed').waitFor();
      await expect(bar.getByRole('button', { name: 'Undo' }).count()).resolves.toBe(0);
      // Put Bea back for the next width.
      await page.getByRole('button', { name: 'Clear selection' }).click();
      const bea = await running.server.store.collections.cases.findOne(allTeamsScope(), { 'customer.handle': 'bulk_one' });
      await running.server.store.collections.cases.updateOne(allTeamsScope(), { _id: bea!._id }, { $set: { status: 'new' }, $inc: { version: 1 } });
      await context.close();
    }
  });
});
