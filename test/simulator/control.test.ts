import { afterEach, describe, expect, it } from 'vitest';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { userClient } from './helpers/clients.js';

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions = {}) {
  running = await startXSimulator({ items: 20, ...options });
  return { ...running, client: userClient(running.baseUrl) };
}

const postJson = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('/__sim control endpoints', () => {
  it('adds a mention and a DM that the X endpoints then return', async () => {
    const { sim, client, origin } = await start({ items: 0 });
    const added = await postJson(`${origin}/__sim/mentions`, { text: 'my order is late', author: { username: 'big_account', followersCount: 90_000, verified: true } });
    expect(added.status).toBe(201);
    const { mention } = await added.json();
    const timeline = await client.v2.userMentionTimeline(sim.brand.id, { expansions: ['author_id'], 'user.fields': ['public_metrics', 'verified'] });
    expect(timeline.tweets[0]).toMatchObject({ id: mention.id, text: '@AcmeHelp my order is late' });
    expect(timeline.includes.users[0]).toMatchObject({ username: 'big_account', verified: true, public_metrics: { followers_count: 90_000 } });

    expect((await postJson(`${origin}/__sim/dms`, { text: 'account locked' })).status).toBe(201);
    expect((await client.v2.listDmEvents()).events.map((event) => ('text' in event ? event.text : undefined))).toEqual(['account locked']);
    const info = await (await fetch(`${origin}/__sim/info`)).json();
    expect(info).toMatchObject({ brand: { id: sim.brand.id, username: 'AcmeHelp' }, mentions: 1, dmEvents: 1, feedRunning: false });
  });

  it('answers invalid control bodies with the house error shape', async () => {
    const { origin } = await start();
    const missingText = await postJson(`${origin}/__sim/mentions`, { author: {} });
    expect(missingText.status).toBe(400);
    expect((await missingText.json()).error).toMatchObject({ code: 'invalid_body', message: expect.any(String) });
    const unknownParent = await postJson(`${origin}/__sim/mentions`, { text: 'x', inReplyToTweetId: '7' });
    expect(unknownParent.status).toBe(404);
    const badJson = await postJson(`${origin}/__sim/dms`, '{"text":');
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error).toMatchObject({ code: 'entity.parse.failed' });
  });

  it('answers malformed JSON on an X endpoint with an X 400 problem', async () => {
    const { baseUrl } = await start();
    const res = await postJson(`${baseUrl}tweets`, '{"text":');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ title: 'Invalid Request', type: 'https://api.twitter.com/2/problems/invalid-request' });
  });

  it('starts and stops the live feed over HTTP', async () => {
    const { sim, origin } = await start({ items: 0 });
    expect((await postJson(`${origin}/__sim/feed`, { intervalMs: 10, itemsPerTick: 2 })).status).toBe(204);
    await waitFor(() => sim.mentions().length + sim.dmEvents().length >= 6);
    expect((await fetch(`${origin}/__sim/feed`, { method: 'DELETE' })).status).toBe(204);
    const count = sim.mentions().length + sim.dmEvents().length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.mentions().length + sim.dmEvents().length).toBe(count);
    expect((await postJson(`${origin}/__sim/feed`, { intervalMs: 0 })).status).toBe(400);
  });

  it('feed option starts emitting at once; items arrive newest in the timeline', async () => {
    const { sim, client } = await start({ items: 0, feed: { intervalMs: 15 }, mix: { dmRatio: 0 } });
    expect(sim.feedRunning).toBe(true);
    await waitFor(() => sim.mentions().length >= 3);
    sim.stopFeed();
    const timeline = await client.v2.userMentionTimeline(sim.brand.id);
    expect(timeline.tweets[0]?.id).toBe(sim.mentions().at(-1)?.id);
  });

  it('counts requests per endpoint and resets the counters', async () => {
    const { sim, client, origin } = await start();
    await client.v2.userMentionTimeline(sim.brand.id);
    await client.v2.listDmEvents();
    await client.v2.tweet('hello world');
    const stats = await (await fetch(`${origin}/__sim/stats`)).json();
    expect(stats).toMatchObject({ mentions: { requests: 1, succeeded: 1 }, dmEvents: { requests: 1 }, createTweet: { requests: 1 }, sendDm: { requests: 0 } });
    expect((await fetch(`${origin}/__sim/stats`, { method: 'DELETE' })).status).toBe(204);
    expect(sim.requestStats().mentions.requests).toBe(0);
  });

  it('close() ends held connections (they are held until answered otherwise, so a close that waited for them would never end)', async () => {
    const { sim, client, close } = await start();
    sim.injectFault({ kind: 'timeout', endpoint: 'mentions' });
    const held = client.v2.userMentionTimeline(sim.brand.id);
    await waitFor(() => sim.held.count === 1);
    await close();
    await expect(held).rejects.toBeDefined();
  });
});
