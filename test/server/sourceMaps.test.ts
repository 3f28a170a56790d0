import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer } from './startTestServer.js';

// The vitest global setup (test/browser/buildClient.ts) builds the client the server serves; vite writes a map beside each script.
const script = readdirSync('dist/client/assets').find((name) => name.endsWith('.js') && readdirSync('dist/client/assets').includes(`${name}.map`))!;
const servers: Array<{ stop(): Promise<void> }> = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

async function serverWith(env: Record<string, string>) {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

describe('source maps of the built client', () => {
  it('are not served unless SERVE_SOURCE_MAPS=1; the scripts are', async () => {
    const { url } = await serverWith({});
    expect((await fetch(`${url}/assets/${script}`)).status).toBe(200);
    const map = await fetch(`${url}/assets/${script}.map`);
    expect(map.status).toBe(404);
    expect((await map.json()).error.message).toBe(`file /assets/${script}.map (source maps are served with SERVE_SOURCE_MAPS=1) not found`);
    const asked = await serverWith({ SERVE_SOURCE_MAPS: '1' });
    const served = await fetch(`${asked.url}/assets/${script}.map`);
    expect(served.status).toBe(200);
    expect((await served.json()).version).toBe(3);
  });
});
