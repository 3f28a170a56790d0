import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ServerOptions } from '../../server/server.js';
import { startTestServer } from '../server/startTestServer.js';
import { launchChromium } from './chromium.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type StoppableServer = { stop(): Promise<void> };

interface Seeding<S> {
  /** Runs once the server and chromium are up, before the first test: ingests messages, adds users... */
  seed?: (server: S) => Promise<unknown>;
}

/** A startTestServer server, started with these arguments. */
export interface TestServerSetup extends Seeding<TestServer> {
  env?: Record<string, string>;
  options?: ServerOptions;
}

/** A server of another kind (a care or reply server), started by `start`. */
export interface OwnServerSetup<S extends StoppableServer> extends Seeding<S> {
  start: () => Promise<S>;
}

export interface BrowserServer<S> {
  readonly server: S;
  readonly browser: Browser;
}

/**
 * A server and a headless chromium for the file (or the describe block) it is called in: started
 * in a beforeAll (server, chromium, then `seed`), closed in an afterAll (chromium, then server).
 * `server` and `browser` work in the tests and in the hooks registered after this call.
 */
export function useBrowserServer(setup?: TestServerSetup): BrowserServer<TestServer>;
export function useBrowserServer<S extends StoppableServer>(setup: OwnServerSetup<S>): BrowserServer<S>;
export function useBrowserServer(setup: TestServerSetup | OwnServerSetup<StoppableServer> = {}): BrowserServer<StoppableServer> {
  const start = 'start' in setup ? setup.start : () => startTestServer(setup.env, setup.options);
  // The overloads pair each seed with the server its setup starts.
  const seed = setup.seed as ((server: StoppableServer) => Promise<unknown>) | undefined;
  let server: StoppableServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await start();
    browser = await launchChromium();
    await seed?.(server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server ?? notRunning('server');
    },
    get browser() {
      return browser ?? notRunning('browser');
    },
  };
}

function notRunning(what: string): never {
  throw new Error(`the ${what} is not running: use it in tests, or in hooks registered after useBrowserServer`);
}
