/** The X connector against a running simulator, both closed after each test (not a test file itself). */
import { afterEach } from 'vitest';
import { XConnector, type XConnectorOptions } from '../../server/connectors/x/xConnector.js';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { MemoryCheckpoints, MemorySink, TEST_CREDENTIALS } from './fakes.js';

export const BRAND = '1000000000000000001';

const running: Array<{ close(): Promise<void> } | XConnector> = [];

afterEach(async () => {
  for (const item of running.splice(0).reverse()) await (item instanceof XConnector ? item.stop() : item.close());
});

/** A simulator with no preloaded traffic unless the options say so. */
export async function simulator(options: XSimulatorOptions = {}): Promise<RunningXSimulator> {
  const sim = await startXSimulator({ items: 0, ...options });
  running.push(sim);
  return sim;
}

/** A connector for the brand with fast retries, memory checkpoints and sink unless given. */
export function connector(baseUrl: string, parts: Partial<XConnectorOptions> = {}): XConnector {
  const made = new XConnector({
    baseUrl,
    credentials: TEST_CREDENTIALS,
    accountId: BRAND,
    checkpoints: parts.checkpoints ?? new MemoryCheckpoints(),
    sink: parts.sink ?? new MemorySink(),
    retry: { maxAttempts: 4, baseDelayMs: 5, maxDelayMs: 20 },
    ...parts,
  });
  running.push(made);
  return made;
}
