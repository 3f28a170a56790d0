import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startXSimulator, type RunningXSimulator } from '../../server/simulator/x/index.js';
import { allTeamsScope, messageIdOf, openStore } from '../../server/store/index.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ITEMS = 10_000;
const KILLS = 5;

let x: RunningXSimulator;
let dataDir: string;

beforeAll(async () => {
  x = await startXSimulator({
    items: ITEMS,
    seed: 2026,
    mentionsTimelineCap: ITEMS,
    rateLimits: { mentions: { limit: 10_000, windowMs: 60_000 }, dmEvents: { limit: 10_000, windowMs: 60_000 } },
  });
  dataDir = await mkdtemp(join(tmpdir(), 'crash-'));
});
afterAll(async () => {
  await x.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** The product as a real child process on the embedded backend, reading X from the simulator. */
function startProduct(): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      X_SIMULATOR: '0',
      X_API_BASE_URL: x.baseUrl,
      X_ACCOUNT_ID: x.sim.brand.id,
      X_APP_KEY: 'k', X_APP_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'a',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /care inbox on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`product exited (${code}) before listening:\n${output}`)));
  });
  return { child, url };
}

function isBrand(item: { authorId?: string; senderId?: string }): boolean {
  return (item.authorId ?? item.senderId) === x.sim.brand.id;
}

/** Thread key to the sorted ids of its items. */
function groupIds<T>(items: T[], thread: (item: T) => string, id: (item: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const item of items) groups.set(thread(item), [...(groups.get(thread(item)) ?? []), id(item)]);
  for (const ids of groups.values()) ids.sort();
  return groups;
}

async function caughtUp(url: string): Promise<boolean> {
  const health = await (await fetch(`${url}/api/health`)).json();
  const streams = health.connectors[0].streams as Array<{ caughtUpAt: string | null }>;
  return streams.every((stream) => stream.caughtUpAt !== null);
}

describe('crash and fault test: SIGKILL at random points while ingesting 10,000 messages with faults', () => {
  it('ends with the source set stored once, in order per thread, every routed message in exactly one case', async () => {
    x.sim.injectFault({ kind: 'serverError', endpoint: 'mentions', times: 3, status: 503 });
    x.sim.injectFault({ kind: 'drop', endpoint: 'mentions', times: 2 });
    x.sim.injectFault({ kind: 'repeatItems', endpoint: 'mentions', times: 5, repeatCount: 10 });
    x.sim.injectFault({ kind: 'outOfOrder', endpoint: 'mentions', times: 5 });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'dmEvents', times: 2, status: 502 });
    x.sim.injectFault({ kind: 'repeatItems', endpoint: 'dmEvents', times: 3, repeatCount: 10 });

    for (let kill = 0; kill < KILLS; kill++) {
      const { child, url } = startProduct();
      await url;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.floor(Math.random() * 900)));
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    const { child, url } = startProduct();
    const address = await url;
    const deadline = Date.now() + 60_000;
    while (!(await caughtUp(address))) {
      if (Date.now() > deadline) throw new Error('the product did not catch up within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    child.kill('SIGTERM');
    await once(child, 'exit');

    const store = await openStore({ dataDir });
    try {
      // The bot's answers are stored as our replies (under their own ids, whether sent or not); the DMs it sent come back in dm_events.
      const sentDms = new Set(x.sim.sentDms().map((dm) => `x:${dm.dmEventId}`));
      const source = [...x.sim.mentions().map((t) => `x:${t.id}`), ...x.sim.dmEvents().map((e) => `x:${e.id}`)].filter((id) => !sentDms.has(id)).sort();
      const stored = (await store.collections.messages.find({ delivery: null }, { fields: ['platform', 'externalId', 'caseId', 'threadId', 'createdAt', 'author'] })).filter((message) => !sentDms.has(messageIdOf(message)));
      const storedIds = stored.map(messageIdOf).sort();
      expect(storedIds).toHaveLength(source.length);
      expect(new Set(storedIds).size).toBe(storedIds.length);
      expect(storedIds).toEqual(source);

      const cases = await store.collections.cases.find(allTeamsScope(), {}, { fields: ['platform', 'threadId'] });
      const caseById = new Map(cases.map((c) => [c._id, c]));
      expect(new Set(cases.map((c) => `${c.platform}/${c.threadId}`)).size).toBe(cases.length);
      const brand = x.sim.brand.id;
      for (const message of stored) {
        if (message.author.id === brand) continue;
        const owner = caseById.get(message.caseId ?? '');
        expect(owner, `message ${messageIdOf(message)} has a case`).toBeDefined();
        expect(owner!.threadId).toBe(message.threadId ?? message.externalId);
      }
      // Per thread: the case holds exactly the source thread's messages with their original times, so it reads in source order.
      const sourceItems = [...x.sim.mentions(), ...x.sim.dmEvents()];
      const sourceTimes = new Map(sourceItems.map((item) => [`x:${item.id}`, item.createdAt]));
      const sourceThreads = groupIds(sourceItems.filter((item) => !isBrand(item)), (item) => `x/${item.conversationId}`, (item) => `x:${item.id}`);
      const storedThreads = groupIds(stored.filter((m) => m.author.id !== brand), (m) => { const c = caseById.get(m.caseId!)!; return `${c.platform}/${c.threadId}`; }, messageIdOf);
      expect(storedThreads).toEqual(sourceThreads);
      for (const message of stored) expect(message.createdAt.getTime()).toBe(sourceTimes.get(messageIdOf(message)));
    } finally {
      await store.close();
    }
  }, 180_000);
});
