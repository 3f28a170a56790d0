/**
 * `npm run bench -- live [--agents N] [--seconds S] [--rates 200,1000]`: ingest-to-screen latency of new cases over
 * Socket.IO (LIVE_CPU_PROF=DIR writes a CPU profile of the server process there).
 *
 * Starts the real server in a child process on a temp DATA_DIR, creates N agents spread over the teams care, social,
 * helpdesk and bot, logs each in and connects its socket, then posts messages through POST /api/messages at a
 * sustained 200/s (batches of 20 every 100 ms) and then 1,000/s (batches of 100 every 100 ms). Each message opens
 * its own thread; its latency runs from the moment the POST carrying it is sent to the first `case:upsert` for its
 * case (matched on case.threadId) reaching any client of the case's team. CPU is process.cpuUsage() over each
 * phase, of the server process alone (it runs as a child process, bench/live/serverProcess.ts, as it would in
 * production), as % of one core; the clients' CPU is reported beside it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { io as connect, type Socket } from 'socket.io-client';
import type { Message } from '../server/routing/index.js';
import type { ChildMessage, LiveServerConfig, ParentMessage } from './live/serverProcess.js';
import { sessionCookie } from './support/sessionCookie.js';

const TOKEN = 'bench-live-token';
const TEAMS = ['care', 'social', 'helpdesk', 'bot'] as const;
type Team = (typeof TEAMS)[number];
/** One text per team under test/routes/fixtures/teams.rules.json. */
const TEXTS: Record<Team, string> = {
  helpdesk: 'I was charged twice, please refund me',
  social: 'Your app is broken again',
  bot: 'What are your opening hours on Sunday?',
  care: 'Where is my parcel? It was due yesterday',
};
const INTERVAL_MS = 100;
const DRAIN_MS = 5_000;

interface Pending {
  team: Team;
  sentAt: number;
  arrivedAt?: number;
}

interface PhaseResult {
  rate: number;
  sent: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  cpuPercent: number;
  clientCpuPercent: number;
  seconds: number;
  postFailures: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs tasks with at most `limit` at a time. */
async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function connectAgent(url: string, cookie: string, team: Team, pending: Map<string, Pending>): Promise<Socket> {
  const socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
  socket.on('case:upsert', (payload: { case: { threadId: string; team: string } }) => {
    const entry = pending.get(payload.case.threadId);
    if (entry && entry.arrivedAt === undefined && entry.team === team && payload.case.team === team) entry.arrivedAt = performance.now();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

async function runPhase(server: LiveServer, rate: number, seconds: number, pending: Map<string, Pending>, idBase: bigint): Promise<PhaseResult> {
  const batch = Math.round((rate * INTERVAL_MS) / 1000);
  const batches = Math.round((seconds * 1000) / INTERVAL_MS);
  const phase = new Map<string, Pending>();
  const posts: Array<Promise<void>> = [];
  let postFailures = 0;
  const cpuStart = await server.cpuUsage();
  const clientCpuStart = process.cpuUsage();
  const started = performance.now();
  for (let b = 0; b < batches; b++) {
    const due = started + b * INTERVAL_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const messages: Message[] = [];
    for (let i = 0; i < batch; i++) {
      const n = b * batch + i;
      const id = String(idBase + BigInt(n));
      const team = TEAMS[n % TEAMS.length]!;
      messages.push({
        id: `x:${id}`, platform: 'x', channel: 'public', text: `@AcmeHelp ${TEXTS[team]} [live-${rate}-${n}]`,
        createdAt: new Date().toISOString(), author: { id: `live${n % 5000}`, handle: `livecustomer${n % 5000}` }, threadId: id, lang: 'en',
      });
    }
    const sentAt = performance.now();
    for (const message of messages) {
      const entry: Pending = { team: TEAMS[Number(BigInt(message.threadId!) - idBase) % TEAMS.length]!, sentAt };
      phase.set(message.threadId!, entry);
      pending.set(message.threadId!, entry);
    }
    posts.push(
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(messages),
      }).then(async (response) => {
        await response.arrayBuffer();
        if (response.status !== 200) postFailures++;
      }, () => void postFailures++),
    );
  }
  await Promise.all(posts);
  const all = [...phase.values()];
  const drainUntil = performance.now() + DRAIN_MS;
  while (all.some((entry) => entry.arrivedAt === undefined) && performance.now() < drainUntil) await sleep(20);
  const wall = performance.now() - started;
  const cpuEnd = await server.cpuUsage();
  const clientCpu = process.cpuUsage(clientCpuStart);
  const latencies = all.filter((entry) => entry.arrivedAt !== undefined).map((entry) => entry.arrivedAt! - entry.sentAt).sort((a, b) => a - b);
  for (const key of phase.keys()) pending.delete(key);
  return {
    rate, sent: all.length, delivered: latencies.length, p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1) ?? NaN,
    cpuPercent: ((cpuEnd.user - cpuStart.user + cpuEnd.system - cpuStart.system) / 1000 / wall) * 100,
    clientCpuPercent: ((clientCpu.user + clientCpu.system) / 1000 / wall) * 100, seconds: wall / 1000, postFailures,
  };
}

export async function main(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { agents: { type: 'string', default: '200' }, seconds: { type: 'string', default: '10' }, rates: { type: 'string', default: '200,1000' } } });
  const options = { agents: Number(values.agents), seconds: Number(values.seconds), rates: values.rates.split(',').map(Number) };
  const ours = await runAgainst(false, options);
  const plain = await runAgainst(true, options);

  console.log('');
  console.log('server                 rate/s  sent   delivered  p50 ms  p99 ms  max ms  server cpu %  clients cpu % (1 core = 100)');
  for (const [name, results] of [['ours', ours], ['Socket.IO as it comes', plain]] as const) {
    for (const r of results) {
      console.log(
        `${name.padEnd(23)}${String(r.rate).padEnd(8)}${String(r.sent).padEnd(7)}${String(r.delivered).padEnd(11)}${r.p50.toFixed(1).padEnd(8)}${r.p99.toFixed(1).padEnd(8)}${r.max.toFixed(1).padEnd(8)}${r.cpuPercent.toFixed(0).padEnd(13)}${r.clientCpuPercent.toFixed(0)}`
          + (r.postFailures ? `  (${r.postFailures} POSTs failed)` : ''),
      );
    }
  }
  console.log('latency: POST sent -> first case:upsert for the new case at any client of its team; cpu: process.cpuUsage() of the server process and of this process (all clients) over each phase incl. drain');
  console.log('"Socket.IO as it comes": the same server with each client\'s burst of events written frame by frame (Socket.IO and ws defaults)');
  const round = (value: number) => Math.round(value * 10) / 10;
  ours.forEach((r, index) => {
    const p = plain[index]!;
    console.log(JSON.stringify({
      bench: 'live', rate: r.rate, p50Ms: round(r.p50), p99Ms: round(r.p99), serverCpuPercent: Math.round(r.cpuPercent), clientCpuPercent: Math.round(r.clientCpuPercent), agents: options.agents,
      plainSocketIo: { p50Ms: round(p.p50), p99Ms: round(p.p99), serverCpuPercent: Math.round(p.cpuPercent) }, p99Ratio: round(p.p99 / r.p99),
    }));
  });
}

/** Starts a server (ours, or with Socket.IO's plain frame writing), connects the agents and runs each rate. */
async function runAgainst(plain: boolean, options: { agents: number; seconds: number; rates: number[] }): Promise<PhaseResult[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-live-'));
  const users = Array.from({ length: options.agents }, (_, i) => ({ username: `live-agent-${i}`, team: TEAMS[i % TEAMS.length]! }));
  const setupStarted = performance.now();
  const server = await startServerProcess({ dataDir, token: TOKEN, agents: users, plain });
  const sockets: Socket[] = [];
  try {
    const pending = new Map<string, Pending>();
    const cookies = await pool(users, 8, (user) => sessionCookie(server.url, user.username));
    sockets.push(...(await pool(users, 20, (user, index) => connectAgent(server.url, cookies[index]!, user.team, pending))));
    const perTeam = TEAMS.map((team) => `${team} ${users.filter((user) => user.team === team).length}`).join(', ');
    console.log(`live${plain ? ' (Socket.IO as it comes)' : ''}: ${sockets.length} agents connected (${perTeam}) in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
    const results: PhaseResult[] = [];
    for (const [index, rate] of options.rates.entries()) {
      results.push(await runPhase(server, rate, options.seconds, pending, 1_950_000_000_000_000_000n + BigInt(index) * 10_000_000_000_000_000n));
    }
    return results;
  } finally {
    for (const socket of sockets) socket.disconnect();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface LiveServer {
  url: string;
  cpuUsage(): Promise<NodeJS.CpuUsage>;
  stop(): Promise<void>;
}

async function startServerProcess(config: LiveServerConfig): Promise<LiveServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./live/serverProcess.ts', import.meta.url)), [JSON.stringify(config)], {
    execArgv: ['--import', 'tsx', ...(process.env.LIVE_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LIVE_CPU_PROF}`] : [])],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = async <T extends ChildMessage['type']>(type: T): Promise<Extract<ChildMessage, { type: T }>> => {
    for (;;) {
      const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => { throw new Error('the bench server exited'); })])) as [ChildMessage];
      if (message.type === type) return message as Extract<ChildMessage, { type: T }>;
    }
  };
  const request = (message: ParentMessage) => child.send(message);
  const { url } = await next('ready');
  return {
    url,
    cpuUsage: async () => {
      const reply = next('cpu');
      request({ type: 'cpu' });
      return (await reply).usage;
    },
    stop: async () => {
      const exited = once(child, 'exit');
      request({ type: 'stop' });
      await exited;
    },
  };
}
