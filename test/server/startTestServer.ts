import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnv } from '../../server/env.js';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server.js';

/** Starts the real server on a fresh data dir and a port the OS picks; `stop` also removes the data. */
export async function startTestServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer & { stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'care-server-'));
  const server = await startServer(readEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, X_SIMULATOR: '0', ...env }), options);
  return {
    ...server,
    stop: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
