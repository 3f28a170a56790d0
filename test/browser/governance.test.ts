/** Webhooks admin, audit log viewer and erasure with a typed-handle confirmation, in the browser (with axe checks). */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startCareServer } from '../routes/careClient.js';
import { startReceiver } from '../webhooks/receiver.js';
import { WEBHOOK_SECRET_KEY } from '../webhooks/webhookHelpers.js';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';

describeInBrowser('governance screens (browser)', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  // Registered before the server's hooks: the receiver is up before the server starts, and closes after it stops.
  beforeAll(async () => {
    receiver = await startReceiver([500]);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  const running = useBrowserServer({ start: () => startCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '1' }, { webhookIntervalMs: 200 }) });

  async function adminPage(path: string): Promise<Page> {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.goto(path);
    return page;
  }

  it('an admin adds a webhook, sees its secret once and its delivery log, and pauses it', async () => {
    const page = await adminPage('/webhooks');
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('Receiver URL').fill(receiver.url);
    await form.getByRole('checkbox', { name: 'case.created' }).check();
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await form.getByText(/Signing secret \(shown once/).waitFor();
    const hook = page.getByRole('listitem', { name: receiver.url });
    await expect(hook.textContent()).resolves.toMatch(/Active.*Events: case\.created/);

    await running.server.openCase('a case for the webhook');
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    await hook.getByRole('button', { name: `Deliveries of ${receiver.url}` }).click();
    const log = hook.getByRole('table', { name: 'Recent deliveries' });
    await expect(log.getByRole('row').nth(1).textContent()).resolves.toMatch(/case\.created/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'webhooks');

    await hook.getByRole('button', { name: `Pause ${receiver.url}` }).click();
    await hook.getByRole('button', { name: `Resume ${receiver.url}` }).waitFor();
    await expect(hook.textContent()).resolves.toContain('Paused');
    await page.context().close();
  });

  it('an admin filters the audit log by action and reads the request, before and after of an entry', async () => {
    const page = await adminPage('/audit');
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const table = page.getByRole('table', { name: 'Changes, newest first' });
    await table.waitFor();
    const filters = page.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('Action (e.g. case.update)').fill('webhook.update');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await expect.poll(async () => (await table.getByRole('row').allTextContents()).slice(1)).toEqual([expect.stringMatching(/admin.*webhook\.update.*webhook /)]);
    await table.getByText('Show request, before, after').click();
    await expect(table.textContent()).resolves.toMatch(/"paused": true/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'audit');
    await page.context().close();
  });

  it('an admin exports a person, then erases them only after typing their handle; the case stays as a skeleton', async () => {
    const author = { id: `erase-${Date.now()}`, handle: 'erase_me_please', name: 'Erasa Person' };
    const caseId = await running.server.openCase('my secret parcel story', { author });
    const page = await adminPage(`/cases/${caseId}`);
    await page.getByText('my secret parcel story').first().waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export everything held about them (JSON)' }).click();
    const exported = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as { customer: { handles: string[] } };
    expect(exported.customer.handles).toEqual(['erase_me_please']);
    await page.getByRole('button', { name: 'Erase this person…' }).click();
    const form = page.getByRole('form', { name: 'Erase this person' });
    const confirm = form.getByRole('button', { name: 'Erase for good' });
    await form.getByLabel(/Type their handle/).fill('erase_me');
    expect(await confirm.isDisabled()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByLabel(/Type their handle/).fill('erase_me_please');
    await confirm.click();
    await page.getByText(/Erased: 1 messages and 1 cases blanked/).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Customer' }).waitFor();
    await page.getByText(/Personal data erased .*: texts, name and handle are gone/).waitFor();
    expect(await page.getByText('my secret parcel story').count()).toBe(0);
    expect(await page.getByText('erase_me_please').count()).toBe(0);
    await screenshot(page, 'erased-case');
    await page.context().close();
  });
});
