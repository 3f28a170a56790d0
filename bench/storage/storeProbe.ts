/**
 * Child process of `npm run bench -- storage`: runs against the store of
 * the tree given (this one, or the nedb baseline extracted from git), so
 * both backends are measured by the same code in fresh processes.
 * Usage: node --import tsx storeProbe.ts STORE_INDEX DATA_DIR fill N | open
 * Prints one JSON line.
 */
import { pathToFileURL } from 'node:url';
import type * as StoreModule from '../../server/store/index.js';

const [storeIndex, dataDir, mode, count] = process.argv.slice(2);
if (!storeIndex || !dataDir || (mode !== 'fill' && mode !== 'open')) throw new Error('usage: storeProbe.ts STORE_INDEX DATA_DIR fill N | open');
const { openStore } = (await import(pathToFileURL(storeIndex).href)) as typeof StoreModule;
const BATCH = 500;

if (mode === 'fill') {
  const store = await openStore({ dataDir });
  const total = Number(count);
  const started = performance.now();
  for (let first = 0; first < total; first += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, total - first) }, (_, offset) => {
      const i = first + offset;
      return { platform: 'x', externalId: String(1_900_000_000_000_000_000n + BigInt(i)), channel: 'public' as const, text: `@AcmeHelp where is my order? It was due yesterday #${i}`, createdAt: new Date(Date.UTC(2026, 10, 20) + i * 1000), author: { id: String(10_000 + (i % 3000)), handle: `customer${i % 3000}`, followers: i % 5000 }, threadId: String(i - (i % 3)), caseId: `case-${i - (i % 3)}`, lang: 'en' };
    });
    await store.collections.messages.insertMany(batch);
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  console.log(JSON.stringify({ filled: total, insertsPerSec: Math.round(total / seconds) }));
} else {
  const started = performance.now();
  const store = await openStore({ dataDir });
  const openMs = performance.now() - started;
  const rssAfterOpenMb = process.memoryUsage().rss / 2 ** 20;
  const queryStarted = performance.now();
  const page = await store.collections.messages.find({ caseId: 'case-2997' }, { sort: { createdAt: 1 } });
  const caseQueryMs = performance.now() - queryStarted;
  const countStarted = performance.now();
  const total = await store.collections.messages.countDocuments({});
  const countMs = performance.now() - countStarted;
  await store.close();
  console.log(JSON.stringify({ openMs: Math.round(openMs), rssAfterOpenMb: Math.round(rssAfterOpenMb), caseQueryMs: Number(caseQueryMs.toFixed(2)), caseMessages: page.length, countMs: Math.round(countMs), total }));
}
