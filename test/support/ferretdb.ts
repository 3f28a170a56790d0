/** FerretDB (a MongoDB-protocol server, SQLite handler) started on a free loopback port for the MongoDB suites. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './freePort.js';

export const FERRETDB_INSTALL_HINT = 'FerretDB not found: bash .ci/install-ferretdb.sh (builds v1.24.2 from its Go module into $(go env GOPATH)/bin)';

/** Where the ferretdb binary is: FERRETDB_PATH, else Go's default install directory. */
export function ferretDbPath(): string | null {
  const candidates = [process.env.FERRETDB_PATH, process.env.GOPATH && join(process.env.GOPATH, 'bin', 'ferretdb'), join(homedir(), 'go', 'bin', 'ferretdb')];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

/**
 * FerretDB's SQLite location with the settings concurrent writers need: transactions that take the write lock
 * when they begin (`_txlock=immediate`), so that two writers wait for each other (busy_timeout) instead of one
 * failing with SQLITE_BUSY ("database is locked") when its read turns into a write; and, for tests only, commits
 * that are not synced to disk one by one (`synchronous(normal)` with WAL still survives a killed process).
 */
export function sqliteUrl(dir: string): string {
  return `file:${dir}/?_txlock=immediate&_pragma=synchronous(normal)`;
}

/** A running FerretDB: its connection string (no database) and how to stop it and delete its files. */
export interface RunningFerretDb {
  uri: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts FerretDB on 127.0.0.1 with its SQLite handler in a fresh temporary directory; telemetry off. */
export async function startFerretDb(binary = ferretDbPath()): Promise<RunningFerretDb> {
  if (!binary) throw new Error(FERRETDB_INSTALL_HINT);
  const dir = await mkdtemp(join(tmpdir(), 'ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    ['--handler=sqlite', `--sqlite-url=${sqliteUrl(dir)}`, `--listen-addr=127.0.0.1:${port}`, '--debug-addr=-', '--telemetry=disable', '--log-level=ERROR', `--state-dir=${dir}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  await waitForPort(port, 20_000, () => (child.exitCode !== null ? `ferretdb exited with ${child.exitCode}: ${stderr}` : null));
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    process: child,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
