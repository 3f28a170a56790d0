/** A private redis-server on a free loopback port, so tests never depend on (or touch) the machine's running Redis. */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitForPort } from './freePort.js';

/** A running redis-server: its URL and how to stop it. */
export interface RunningRedis {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts redis-server on 127.0.0.1 without persistence. */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  child.once('error', (error) => (stderr += String(error)));
  await waitForPort(port, 10_000, () => (child.exitCode !== null || stderr.includes('ENOENT') ? `redis-server did not start (apt-get install -y redis-server): ${stderr}` : null));
  return {
    url: `redis://127.0.0.1:${port}`,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
