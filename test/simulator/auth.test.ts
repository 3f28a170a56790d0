import { afterEach, describe, expect, it } from 'vitest';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { TEST_KEYS, bearerClient, userClient } from './helpers/clients.js';

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions = {}) {
  running = await startXSimulator({ items: 10, ...options });
  return running;
}

const X_UNAUTHORIZED = { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' };

describe('authentication', () => {
  it('answers a request without Authorization with X 401 problem', async () => {
    const { baseUrl, sim } = await start();
    const res = await fetch(`${baseUrl}users/${sim.brand.id}/mentions`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toEqual(X_UNAUTHORIZED);
    expect(sim.requestStats().mentions).toMatchObject({ requests: 1, unauthorized: 1 });
  });

  it('refuses a malformed OAuth header', async () => {
    const { baseUrl } = await start();
    const res = await fetch(`${baseUrl}dm_events`, { headers: { authorization: 'OAuth oauth_consumer_key="k"' } });
    expect(res.status).toBe(401);
  });

  it('accepts any well-formed OAuth 1.0a user header and any Bearer token by default', async () => {
    const { baseUrl, sim } = await start();
    await expect(userClient(baseUrl).v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
    await expect(bearerClient(baseUrl).v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
  });

  it('verifies OAuth 1.0a signatures when credentials are configured', async () => {
    const { baseUrl, sim } = await start({ auth: { oauth1: [TEST_KEYS] } });
    const timeline = await userClient(baseUrl).v2.userMentionTimeline(sim.brand.id, { max_results: 5, 'tweet.fields': ['author_id', 'created_at'] });
    expect(timeline.tweets).toHaveLength(5);
    await expect(userClient(baseUrl).v2.reply('signed body', (sim.mentions()[0]?.id) as string)).resolves.toBeDefined();
    const forged = userClient(baseUrl, { ...TEST_KEYS, appSecret: 'wrong-secret' });
    await expect(forged.v2.userMentionTimeline(sim.brand.id)).rejects.toMatchObject({ code: 401, data: X_UNAUTHORIZED, isAuthError: true });
  });

  it('accepts only configured Bearer tokens and refuses app-only ones on user-context endpoints', async () => {
    const { baseUrl, sim } = await start({ auth: { bearerTokens: ['good'], appOnlyBearerTokens: ['app-only'] } });
    await expect(bearerClient(baseUrl, 'bad').v2.userMentionTimeline(sim.brand.id)).rejects.toMatchObject({ code: 401 });
    await expect(bearerClient(baseUrl, 'app-only').v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
    await expect(bearerClient(baseUrl, 'app-only').v2.listDmEvents()).rejects.toMatchObject({
      code: 403,
      data: { title: 'Unsupported Authentication', type: 'https://api.twitter.com/2/problems/unsupported-authentication' },
    });
  });
});
