import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

const PHONE = { width: 390, height: 844 };

/** Axis labels of every chart: each must lie inside its chart, and no two of one axis may overlap. */
async function axisLabelProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const svg of document.querySelectorAll('.chart-canvas svg.recharts-surface')) {
      const title = svg.closest('section')?.querySelector('h2')?.textContent ?? '?';
      const frame = svg.getBoundingClientRect();
      for (const axis of svg.querySelectorAll('.recharts-cartesian-axis-tick-labels')) {
        const boxes = [...axis.querySelectorAll('text')].map((text) => ({ text: text.textContent ?? '', box: text.getBoundingClientRect() }));
        for (const { text, box } of boxes) {
          if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) problems.push(`${title}: "${text}" is cut off`);
        }
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
          const overlap = a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom;
          if (overlap) problems.push(`${title}: "${a.text}" overlaps "${b.text}"`);
        }));
      }
    }
    return problems;
  });
}

describeInBrowser('metrics (browser)', () => {
  const running = useBrowserServer({
    seed: async (server) => {
      // One message per rule (and one for the fallback): the per-rule chart gets many long labels.
      await server.ingest([
        customerMessage('the app is down', { handle: 'm1' }),
        customerMessage('website down again', { handle: 'm2' }),
        customerMessage('I was charged twice, refund please', { channel: 'dm', handle: 'm3' }),
        customerMessage('what are your opening hours?', { handle: 'm4' }),
        customerMessage('how do i change my address', { handle: 'm5' }),
        customerMessage('worst service ever, unacceptable', { handle: 'm6' }),
        customerMessage('my account was hacked', { handle: 'm7' }),
        customerMessage('what are the delivery times', { handle: 'm8' }),
        customerMessage('hello there', { handle: 'm9' }),
      ]);
    },
  });

  async function openMetrics(page: Page): Promise<void> {
    await logIn(page, 'admin');
    await page.getByRole('heading', { level: 1, name: 'Inbox', exact: true }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Metrics', exact: true }).waitFor();
    await page.getByText('Cases opened').waitFor();
  }

  it('shows the figures as charts and tables, each chart saying what its own emptiness means', async () => {
    const context = await newContext(running.browser, running.server.url);
    const page = await context.newPage();
    await openMetrics(page);
    await expect(page.locator('.summary dd').first().textContent()).resolves.toBe('9');

    const perTier = page.getByRole('region', { name: 'Cases per tier' });
    await expect(perTier.getByRole('row', { name: /Tier 2 \(private\)/ }).textContent()).resolves.toMatch(/^Tier 2 \(private\)\d+$/);
    await perTier.locator('svg.recharts-surface').waitFor();
    // Nine cases and no missed target: that chart says so, not "no cases".
    const missed = page.getByRole('region', { name: 'Missed targets per team' });
    await missed.getByText('No response target was missed in this period.').waitFor();
    await expect(page.getByText(/No cases/).count()).resolves.toBe(0);
    await expect(page.getByRole('region', { name: 'Hits per rule' }).getByRole('row').count()).resolves.toBeGreaterThanOrEqual(6);
    await screenshot(page, 'metrics');
    await context.close();
  });

  for (const [size, viewport] of [['laptop', undefined], ['phone', PHONE]] as const) {
    it(`draws every axis label whole and apart, at ${size} width, and passes axe`, async () => {
      const context = await newContext(running.browser, running.server.url, viewport);
      const page = await context.newPage();
      await openMetrics(page);
      await page.getByRole('region', { name: 'Hits per rule' }).locator('svg.recharts-surface').waitFor();
      const ruleTicks = page.getByRole('region', { name: 'Hits per rule' }).locator('.recharts-yAxis-tick-labels text');
      await expect.poll(() => ruleTicks.count()).toBeGreaterThanOrEqual(6);
      await expect(axisLabelProblems(page)).resolves.toEqual([]);
      await expect(seriousAxeViolations(page)).resolves.toEqual([]);
      await screenshot(page, `metrics-${size}`);
      await context.close();
    });
  }

  it('counts custom dates as whole days in the browser’s time zone', async () => {
    const context = await newContext(running.browser, running.server.url, undefined, { timezoneId: 'America/Los_Angeles' });
    const page = await context.newPage();
    await openMetrics(page);
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByText('Whole days in your time zone (America/Los_Angeles).').waitFor();
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    await page.getByLabel('To', { exact: true }).fill('2020-01-31');
    const asked = page.waitForRequest((request) => request.url().includes('/api/metrics?'));
    await page.getByRole('button', { name: 'Apply' }).click();
    const query = new URL((await asked).url()).searchParams;
    // Midnight in Los Angeles (UTC−8 in winter), from 1 January to the end of 31 January.
    expect([query.get('from'), query.get('to')]).toEqual(['2020-01-01T08:00:00.000Z', '2020-02-01T08:00:00.000Z']);
    await expect.poll(() => page.locator('.summary dd').first().textContent()).toBe('0');
    await page.getByRole('region', { name: 'Cases per tier' }).getByText('No cases were opened in this period.').waitFor();
    await context.close();
  });
});
