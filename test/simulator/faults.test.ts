import { afterEach, describe, expect, it } from 'vitest';
import { ApiRequestError, ApiResponseError } from 'twitter-api-v2';
import { compareIds } from '../../server/simulator/x/ids.js';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { userClient } from './helpers/clients.js';

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions = {}) {
  running = await startXSimulator({ items: 60, seed: 13, ...options });
  return { ...running, client: userClient(running.baseUrl) };
}

describe('scripted faults', () => {
  it('serverError answers 503 with X body the given number of times, then recovers', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'serverError', endpoint: 'mentions', times: 2 });
    for (let i = 0; i < 2; i++) {
      await expect(client.v2.userMentionTimeline(sim.brand.id)).rejects.toMatchObject({
        code: 503,
        data: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 },
      });
    }
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
    expect(sim.requestStats().mentions).toMatchObject({ requests: 3, faulted: 2, succeeded: 1 });
  });

  it('targets one endpoint: other endpoints are unaffected', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'serverError', endpoint: 'dmEvents', status: 500 });
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
    await expect(client.v2.listDmEvents()).rejects.toMatchObject({ code: 500 });
    expect(sim.faults.pending()).toEqual([]);
  });

  it('timeout holds the response until the client gives up', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'timeout', endpoint: 'mentions' });
    const started = Date.now();
    const attempt = client.v2.get('users/:id/mentions', {}, { params: { id: sim.brand.id }, timeout: 300 });
    await expect(attempt).rejects.toBeInstanceOf(ApiRequestError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
  });

  it('timeout with holdMs answers normally, late', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'timeout', endpoint: 'dmEvents', holdMs: 200 });
    const started = Date.now();
    const events = await client.v2.listDmEvents();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(events.events.length).toBeGreaterThan(0);
  });

  it('drop destroys the connection without an answer', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'drop', endpoint: 'mentions' });
    await expect(client.v2.userMentionTimeline(sim.brand.id)).rejects.toBeInstanceOf(ApiRequestError);
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
  });

  it('afterEffect: the post is created but the client sees a failure (retries must not double-post)', async () => {
    const { sim, client } = await start({ items: 0 });
    const mention = sim.addMention({ text: 'hello' });
    sim.injectFault({ kind: 'serverError', endpoint: 'createTweet', afterEffect: true });
    await expect(client.v2.reply('We are looking into it.', mention.id)).rejects.toBeInstanceOf(ApiResponseError);
    expect(sim.postedTweets()).toEqual([expect.objectContaining({ text: 'We are looking into it.', inReplyToTweetId: mention.id })]);
    sim.injectFault({ kind: 'drop', endpoint: 'sendDm', afterEffect: true });
    await expect(client.v2.sendDmToParticipant(mention.authorId, { text: 'DM' })).rejects.toBeInstanceOf(ApiRequestError);
    expect(sim.sentDms()).toHaveLength(1);
  });

  it('repeatItems makes the next page start with items already seen', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'repeatItems', endpoint: 'mentions', repeatCount: 2 });
    const first = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 5 });
    const firstIds = first.tweets.map((tweet) => tweet.id);
    await first.fetchNext();
    const secondIds = first.tweets.slice(5).map((tweet) => tweet.id);
    expect(secondIds.slice(0, 2)).toEqual(firstIds.slice(3));
    expect(new Set(first.tweets.map((tweet) => tweet.id)).size).toBe(first.tweets.length - 2);
  });

  it('repeatItems also applies to DM event pages', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'repeatItems', endpoint: 'dmEvents', repeatCount: 1 });
    const events = await client.v2.listDmEvents({ max_results: 3 });
    await events.fetchNext();
    const ids = events.events.map((event) => event.id);
    expect(ids[3]).toBe(ids[2]);
  });

  it('outOfOrder returns a page whose ids are not newest-first, with meta still correct', async () => {
    const { sim, client } = await start();
    sim.injectFault({ kind: 'outOfOrder', endpoint: 'mentions' });
    const page = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 6 });
    const ids = page.tweets.map((tweet) => tweet.id);
    const sorted = [...ids].sort((a, b) => compareIds(b, a));
    expect(ids).not.toEqual(sorted);
    expect(new Set(ids)).toEqual(new Set(sorted));
    expect(page.meta).toMatchObject({ newest_id: sorted[0], oldest_id: sorted[5] });
  });

  it('a fault without an endpoint hits the next request to any endpoint; page faults skip POSTs', async () => {
    const { sim, client } = await start({ items: 0 });
    sim.addMention({ text: 'one' });
    sim.injectFault({ kind: 'outOfOrder' });
    sim.injectFault({ kind: 'serverError' });
    await expect(client.v2.tweet('first post')).rejects.toMatchObject({ code: 503 });
    expect(sim.faults.pending()).toEqual([expect.objectContaining({ kind: 'outOfOrder', remaining: 1 })]);
    expect(() => sim.injectFault({ kind: 'repeatItems', endpoint: 'createTweet' })).toThrow(/only applies to paged endpoints/);
  });
});

describe('/__sim/faults control endpoint', () => {
  it('queues, lists and clears faults over HTTP', async () => {
    const { sim, client, origin } = await start();
    const post = (body: unknown) => fetch(`${origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const queued = await post({ kind: 'serverError', endpoint: 'mentions', times: 3 });
    expect(queued.status).toBe(201);
    expect((await queued.json()).fault).toMatchObject({ kind: 'serverError', remaining: 3 });
    await expect(client.v2.userMentionTimeline(sim.brand.id)).rejects.toMatchObject({ code: 503 });
    expect((await (await fetch(`${origin}/__sim/faults`)).json()).faults).toEqual([expect.objectContaining({ remaining: 2 })]);
    expect((await fetch(`${origin}/__sim/faults`, { method: 'DELETE' })).status).toBe(204);
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
  });

  it('refuses unknown fault kinds and faults that cannot apply', async () => {
    const { origin } = await start();
    const post = (body: unknown) => fetch(`${origin}/__sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const unknown = await post({ kind: 'meteor' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatchObject({ code: 'invalid_body' });
    const misplaced = await post({ kind: 'outOfOrder', endpoint: 'sendDm' });
    expect(misplaced.status).toBe(400);
    expect((await misplaced.json()).error.code).toBe('fault_not_applicable');
  });
});
