import type { Request } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousAxeViolations } from './accessibility.js';
import { useBrowserServer } from './browserServer.js';
import { describeInBrowser, newContext, screenshot } from './chromium.js';
import { logIn } from './logIn.js';
import { customerMessage } from './messages.js';

// A 1×1 transparent PNG, answered for X's media host (the test's only outside address, and only for the page's own request).
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describeInBrowser('attachments (browser)', () => {
  const running = useBrowserServer({ seed: (server) => server.ingest([{
    ...customerMessage('my kettle arrived like this', { handle: 'kettle_kay', name: 'Kay Kettle' }),
    attachments: [
      { type: 'photo', url: 'https://pbs.twimg.com/media/kettle.jpg', altText: 'a cracked kettle' },
      { type: 'photo', url: 'https://tracker.example/pixel.png' },
      { type: 'video', url: 'javascript:alert(document.cookie)' },
    ],
  }]) });

  for (const [size, viewport] of [['laptop', undefined], ['phone', { width: 390, height: 844 }]] as const) {
    it(`shows a thumbnail from X's media host without a Referer, other hosts only as links, and no script address (${size})`, async () => {
      const context = await newContext(running.browser, running.server.url, viewport);
      const page = await context.newPage();
      const outside: Request[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(running.server.url)) outside.push(request);
      });
      await page.route('https://pbs.twimg.com/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL }));
      await logIn(page, 'ana');
      await page.locator('.case-row', { hasText: 'Kay Kettle' }).click();
      await page.getByRole('heading', { level: 1, name: /Kay Kettle/ }).waitFor();

      const media = page.getByRole('list', { name: 'Attachments' });
      const thumbnail = media.getByRole('img', { name: 'Photo: a cracked kettle' });
      await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await expect(thumbnail.getAttribute('referrerpolicy')).resolves.toBe('no-referrer');
      const link = media.getByRole('link', { name: 'Photo (tracker.example, opens in a new tab)' });
      await expect(link.getAttribute('href')).resolves.toBe('https://tracker.example/pixel.png');
      await expect(link.getAttribute('rel')).resolves.toBe('noopener noreferrer nofollow');
      await expect(link.getAttribute('referrerpolicy')).resolves.toBe('no-referrer');
      await media.getByText('Video (no address to show)').waitFor();
      await expect(page.locator('a[href^="javascript"], [src^="javascript"]').count()).resolves.toBe(0);

      // The only outside request is the thumbnail's, without a Referer; the other host is never fetched unless clicked.
      expect(outside.map((request) => request.url())).toEqual(['https://pbs.twimg.com/media/kettle.jpg']);
      expect(await outside[0]!.allHeaders()).not.toHaveProperty('referer');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await screenshot(page, `case-attachments-${size}`);
      await context.close();
    });
  }
});
