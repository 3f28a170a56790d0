/** Runs the X simulator standalone for demos: `tsx server/simulator/x/cli.ts --port 4010 --items 500 --feed-interval-ms 5000`. */
import { parseArgs } from 'node:util';
import { startXSimulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    items: { type: 'string', default: '200' },
    seed: { type: 'string', default: '42' },
    'feed-interval-ms': { type: 'string' },
    'brand-id': { type: 'string' },
    'brand-handle': { type: 'string' },
  },
});

const feedInterval = values['feed-interval-ms'] === undefined ? undefined : Number(values['feed-interval-ms']);
const running = await startXSimulator({
  host: values.host,
  port: Number(values.port),
  items: Number(values.items),
  seed: Number(values.seed),
  ...(feedInterval ? { feed: { intervalMs: feedInterval } } : {}),
  brand: { ...(values['brand-id'] ? { id: values['brand-id'] } : {}), ...(values['brand-handle'] ? { username: values['brand-handle'] } : {}) },
});

process.stdout.write(
  `X API v2 simulator on ${running.baseUrl} (brand @${running.sim.brand.username}, id ${running.sim.brand.id}); ` +
    `control endpoints under ${running.origin}/__sim/\n`,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void running.close().then(() => process.exit(0)));
}
