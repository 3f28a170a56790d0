import { readEnv } from '../../server/env.js';
import { startServer, type RunningServer, type ServerOptions } from '../../server/server.js';
import { freshStorePlace } from '../support/testStore.js';

/**
 * Starts the real server on a fresh store (a temp dir, or a database of its own in the mongodb
 * project) with the demo users, on a port the OS picks; `stop` also removes the data.
 */
export async function startTestServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer & { stop(): Promise<void> }> {
  const place = await freshStorePlace(undefined, 'care-server');
  const server = await startServer(readEnv({ PORT: '0', HOST: '127.0.0.1', X_SIMULATOR: '0', DEMO_USERS: '1', ...place.env, ...env }), options);
  return {
    ...server,
    stop: async () => {
      await server.close();
      await place.destroy();
    },
  };
}
