/** `npm start`: reads the environment, starts the server, stops cleanly on SIGINT/SIGTERM. */
import { EnvError, readEnv } from './env.js';
import { logger } from './logger.js';
import { startServer } from './server.js';

try {
  const server = await startServer(readEnv());
  process.stdout.write(`care inbox on ${server.url}\n`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void server.close().then(() => process.exit(0));
    });
  }
} catch (error) {
  process.stderr.write(`${error instanceof EnvError ? error.message : `cannot start: ${(error as Error).message}`}\n`);
  process.exit(1);
}
