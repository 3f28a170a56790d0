/** `npm run bench -- ingest [--messages N] [--items N] [--connected]`: messages/s through POST /api/messages and through the X connector, on the embedded backend. */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readEnv } from '../server/env.js';
import type { Message } from '../server/routing/index.js';
import { startServer } from '../server/server.js';
import { startXSimulator } from '../server/simulator/x/index.js';
import { allTeamsScope } from '../server/store/index.js';
import { SeededRandom as Prng } from '../server/simulator/x/prng.js';
import type { ListenerReply } from './ingest/listeners.js';

const TOKEN = 'bench-ingest-token';
const BATCH = 500;
const TEXTS = [
  'Where is my order? It was due yesterday',
  'I was charged twice for my subscription, please refund',
  'Your app keeps crashing when I open the basket',
  'Thanks for the quick help, great service!',
  'Can I change the delivery address for my parcel?',
  'My account is locked and the reset link never arrives',
  'What are your opening hours on Sunday?',
  'Worst experience ever, nobody answers the phone',
];

/**
 * `count` messages written in the last minutes before `end`, 50 ms apart, as
 * live traffic is: none is past its response-time target while the bench
 * runs (dated weeks back, every case was overdue and the SLA sweeper's
 * marking of them was measured along with ingestion).
 */
export function corpus(count: number, end = Date.now()): Message[] {
  const prng = new Prng(7);
  const start = end - count * 50;
  const random = () => prng.next();
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(1_900_000_000_000_000_000n + BigInt(i));
    // A third of the messages continue an earlier thread.
    const thread = i > 10 && random() < 0.33 ? messages[Math.floor(random() * i)]!.threadId! : id;
    messages.push({
      id: `x:${id}`, platform: 'x', channel: random() < 0.2 ? 'dm' : 'public', text: `@AcmeHelp ${TEXTS[i % TEXTS.length]} #${i}`,
      createdAt: new Date(start + i * 50).toISOString(), author: { id: String(10_000 + (i % 3000)), handle: `customer${i % 3000}`, followers: Math.floor(random() * 5000) },
      threadId: thread, lang: 'en',
    });
  }
  return messages;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Starts the four demo users' sockets in a process of their own; resolves once all are connected. */
async function startListeners(url: string): Promise<ChildProcess> {
  const child = fork(new URL('./ingest/listeners.ts', import.meta.url), [url], { execArgv: ['--import', 'tsx'] });
  const [reply] = (await once(child, 'message')) as [ListenerReply];
  if (reply.type !== 'ready') throw new Error('listeners did not start');
  return child;
}

async function stopListeners(child: ChildProcess): Promise<number> {
  const replied = once(child, 'message') as Promise<[ListenerReply]>;
  child.send({ type: 'stop' });
  const [reply] = await replied;
  return reply.type === 'events' ? reply.count : 0;
}

export async function apiPath(messages: Message[], connected = false): Promise<{ perSecond: number; perCpuSecond: number; p50: number; p99: number }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-ingest-'));
  const server = await startServer(readEnv({ PORT: '0', DATA_DIR: dataDir, X_SIMULATOR: '0', INGEST_TOKEN: TOKEN, DEMO_USERS: connected ? '1' : '0', LOG_LEVEL: 'silent' }));
  const listeners = connected ? await startListeners(server.url) : undefined;
  const batchMs: number[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < messages.length; i += BATCH) {
    const t0 = performance.now();
    const response = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(messages.slice(i, i + BATCH)),
    });
    const body = (await response.json()) as { accepted: string[] };
    if (response.status !== 200 || body.accepted.length !== Math.min(BATCH, messages.length - i)) throw new Error(`batch at ${i} failed: ${response.status}`);
    batchMs.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  // CPU time of this process (server and client): the figure a busy shared machine distorts least.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const cases = await server.store.collections.cases.countDocuments(allTeamsScope(), {});
  const heard = listeners ? `, ${await stopListeners(listeners)} live events at 4 connected users` : '';
  console.log(`api: ${messages.length} messages in ${seconds.toFixed(2)} s, ${cases} cases${heard}`);
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  const sorted = [...batchMs].sort((a, b) => a - b);
  return { perSecond: messages.length / seconds, perCpuSecond: messages.length / cpuSeconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

export async function connectorPath(items: number): Promise<number> {
  const x = await startXSimulator({ items, seed: 11, mentionsTimelineCap: items, rateLimits: { mentions: { limit: 100_000, windowMs: 60_000 }, dmEvents: { limit: 100_000, windowMs: 60_000 } } });
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-connector-'));
  const server = await startServer(
    readEnv({ PORT: '0', DATA_DIR: dataDir, X_SIMULATOR: '0', X_API_BASE_URL: x.baseUrl, X_ACCOUNT_ID: x.sim.brand.id, X_APP_KEY: 'k', X_APP_SECRET: 's', X_ACCESS_TOKEN: 't', X_ACCESS_SECRET: 'a', DEMO_USERS: '0', LOG_LEVEL: 'silent' }),
    { startConnectors: false },
  );
  const connector = server.connectors[0]!;
  const started = performance.now();
  while (connector.health().streams.some((stream) => stream.caughtUpAt === null)) await connector.pollOnce();
  const seconds = (performance.now() - started) / 1000;
  const stored = connector.health().streams.reduce((sum, stream) => sum + stream.stored, 0);
  console.log(`connector: ${stored} messages in ${seconds.toFixed(2)} s`);
  await server.close();
  await x.close();
  await rm(dataDir, { recursive: true, force: true });
  return stored / seconds;
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { messages: { type: 'string', default: '20000' }, items: { type: 'string', default: '10000' }, connected: { type: 'boolean', default: false } } });
  process.env.LOG_LEVEL = 'silent';
  const api = await apiPath(corpus(Number(values.messages)), values.connected);
  console.log(`api path: ${Math.round(api.perSecond)} msgs/s (${Math.round(api.perCpuSecond)} per CPU-second); batch of ${BATCH}: p50 ${api.p50.toFixed(1)} ms, p99 ${api.p99.toFixed(1)} ms`);
  const connector = await connectorPath(Number(values.items));
  console.log(`connector path: ${Math.round(connector)} msgs/s`);
  console.log(JSON.stringify({ bench: 'ingest', apiMsgsPerSec: Math.round(api.perSecond), apiMsgsPerCpuSec: Math.round(api.perCpuSecond), connectorMsgsPerSec: Math.round(connector), batchP50Ms: Math.round(api.p50), batchP99Ms: Math.round(api.p99), batch: BATCH, connected: values.connected }));
}
