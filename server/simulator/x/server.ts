/** startXSimulator: the X API v2 simulator on a loopback port. */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { createXSimulatorApp } from './app.js';
import type { XSimulatorOptions } from './options.js';
import { XSimulator } from './simulator.js';

/** A running simulator. */
export interface RunningXSimulator {
  /** The v2 prefix to point a client at, e.g. http://127.0.0.1:PORT/2/ */
  baseUrl: string;
  /** The origin, for /__sim control calls, e.g. http://127.0.0.1:PORT */
  origin: string;
  sim: XSimulator;
  /** Stops the feed, drops held and open connections, and stops listening. */
  close(): Promise<void>;
}

/** Builds a simulator and serves it over HTTP (127.0.0.1, any free port by default). */
export async function startXSimulator(options: XSimulatorOptions = {}): Promise<RunningXSimulator> {
  const sim = new XSimulator(options);
  const server = createServer(createXSimulatorApp(sim));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  const origin = `http://${host}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    baseUrl: `${origin}/2/`,
    origin,
    sim,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        sim.dispose();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
