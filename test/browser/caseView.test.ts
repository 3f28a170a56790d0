import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createUser, freshUsername, startCareServer } from '../routes/careClient.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';

describeInBrowser('the case view: routing trace, internal notes, colleagues viewing (browser)', () => {
  // test/routes/fixtures/teams.rules.json: hours, refunds, outage ("broken" → social), else care.
  const running = useBrowserServer({ start: () => startCareServer() });

  async function caseAs(username: string, caseId: string): Promise<Page> {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await logIn(page, username);
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.goto(`/cases/${caseId}`);
    await page.getByRole('heading', { level: 2, name: 'Why it is here' }).waitFor();
    return page;
  }

  it('shows why the case is here rule by rule, takes a note, and warns of a colleague viewing, typing and moving it away', async () => {
    const caseId = await running.server.openCase('the app is broken since this morning', { author: { id: 'cust-br-1', handle: 'bea_broken', name: 'Bea Broken' } });
    const colleague = freshUsername('sam');
    await createUser(running.server.store, { username: colleague, role: 'agent', teams: ['social'] });

    const ana = await caseAs('ana', caseId);
    const routing = ana.getByRole('region', { name: 'Why it is here' });
    await routing.getByText('matched, decided').waitFor();
    const steps = await routing.getByRole('listitem').allTextContents();
    expect(steps).toEqual([
      'hours: did not match: text containsAny [opening hours] is false at /rules/0/when',
      'refunds: did not match: text containsAny [refund] is false at /rules/1/when',
      'outage: matched, decided ✓',
    ]);

    // An internal note, in the history and marked as such in words.
    await ana.getByLabel('Your note').fill('Bea also phoned: <b>keep it public</b> for now.');
    await ana.getByRole('button', { name: 'Add internal note' }).click();
    const history = ana.getByRole('region', { name: 'History' });
    const note = history.locator('.history-note');
    await note.waitFor();
    await expect(note.textContent()).resolves.toMatch(/Internal note by you\s*Bea also phoned: <b>keep it public<\/b> for now\./);
    // And in the conversation, where it was written, marked as a note.
    await expect(ana.locator('.thread .message.note').textContent()).resolves.toMatch(/Internal note by ana.*Bea also phoned: <b>keep it public<\/b> for now\./);
    expect(await running.server.store.collections.messages.countDocuments({ caseId })).toBe(1);

    // A colleague of the same team opens it: each sees the other.
    const sam = await caseAs(colleague, caseId);
    await ana.getByText(`${colleague} is also viewing`).waitFor();
    await sam.getByText('ana is also viewing').waitFor();
    await sam.getByRole('region', { name: 'History' }).getByText('Internal note', { exact: true }).waitFor();
    await sam.getByLabel('Your reply').fill('Sorry Bea, we are on it');
    await ana.getByText(`${colleague} is typing a reply…`).waitFor();
    await screenshot(ana, 'case-view-trace-note-presence');

    // The colleague escalates it out of ana's teams: her open view says it moved.
    await sam.getByLabel('Reason').fill('needs the help desk');
    await sam.getByRole('button', { name: 'Escalate' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Escalated' }).waitFor();
    await ana.getByRole('heading', { level: 1, name: 'Case moved' }).waitFor();
    await ana.getByText('This case was just moved to a team you are not in', { exact: false }).waitFor();
    await screenshot(ana, 'case-view-moved');
    await ana.context().close();
    await sam.context().close();
  });
});
