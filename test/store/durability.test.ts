/**
 * Crash durability of the embedded backend: a child process writes as fast
 * as it can and prints every acknowledged write; it is killed with SIGKILL at
 * a random moment; the store must then open cleanly with every acknowledged
 * write in it. Several rounds on the same directory (crash, recover, crash…).
 */
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allTeamsScope, DataDirError, openStore } from '../../server/store/index.js';

const WRITER = fileURLToPath(new URL('./fixtures/ackedWriter.ts', import.meta.url));
const ROUNDS = 3;

interface RoundOutcome {
  messages: string[];
  highestCount: number;
}

/** Runs the writer until it has acknowledged `killAfter` writes (plus a random few ms), then SIGKILLs it. */
async function writeUntilKilled(dataDir: string, round: number, killAfter: number, whileRunning: () => Promise<void>): Promise<RoundOutcome> {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const outcome: RoundOutcome = { messages: [], highestCount: 0 };
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let acks = 0;
  let killScheduled = false;
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'ready') await whileRunning();
    const [kind, what, value] = line.split(' ');
    if (kind !== 'ack') continue;
    if (what === 'message') outcome.messages.push(value!);
    if (what === 'count') outcome.highestCount = Math.max(outcome.highestCount, Number(value));
    if (++acks >= killAfter && !killScheduled) {
      killScheduled = true;
      setTimeout(() => child.kill('SIGKILL'), Math.random() * 15);
    }
  }
  expect(await exited, `writer ended without being killed: ${stderr}`).toBe('SIGKILL');
  return outcome;
}

/** SQLite's own check of the database file the killed writer left (recovering its WAL first). */
function assertIntact(dataDir: string): void {
  const db = new Database(join(dataDir, 'store.sqlite'));
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

describe('embedded backend durability under SIGKILL', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'store-durability-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged write through repeated crashes', async () => {
    const acknowledged = new Set<string>();
    let highestCount = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const killAfter = 40 + Math.floor(Math.random() * 300);
      const outcome = await writeUntilKilled(dataDir, round, killAfter, async () => {
        // While the writer runs, the directory is its own.
        if (round === 0) await expect(openStore({ dataDir })).rejects.toBeInstanceOf(DataDirError);
      });
      outcome.messages.forEach((id) => acknowledged.add(id));
      highestCount = Math.max(highestCount, outcome.highestCount);
      expect(outcome.messages.length).toBeGreaterThan(0);

      assertIntact(dataDir);

      const store = await openStore({ dataDir });
      const stored = new Set((await store.collections.messages.find({}, { fields: ['externalId'] })).map((message) => message.externalId));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(missing, `acknowledged but lost after round ${round}`).toEqual([]);
      const counter = await store.collections.cases.findOne(allTeamsScope(), { threadId: 'durability-counter' });
      expect(counter!.messageCount).toBeGreaterThanOrEqual(highestCount);
      await store.close();
    }
    // Three writer processes start (tsx) one after the other: on a loaded shared machine that alone neared the 30 s default.
  }, 120_000);
});
