import { afterEach, describe, expect, it } from 'vitest';
import { ApiResponseError } from 'twitter-api-v2';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { TEST_KEYS, manualClock, userClient } from './helpers/clients.js';

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions) {
  running = await startXSimulator({ items: 30, ...options });
  return { ...running, client: userClient(running.baseUrl) };
}

describe('rate limits', () => {
  it("sends X's x-rate-limit headers with X's published limits on every endpoint", async () => {
    const clock = manualClock();
    const { sim, client } = await start({ clock: clock.now });
    const resetAt = Math.ceil((clock.now() + 15 * 60_000) / 1000);
    const mentions = await client.v2.userMentionTimeline(sim.brand.id);
    expect(mentions.rateLimit).toEqual({ limit: 300, remaining: 299, reset: resetAt });
    const dms = await client.v2.listDmEvents();
    expect(dms.rateLimit).toEqual({ limit: 15, remaining: 14, reset: resetAt });
    const dmsAgain = await client.v2.get('dm_events', {}, { fullResponse: true });
    expect(dmsAgain.rateLimit).toMatchObject({ limit: 15, remaining: 13 });
    const created = await client.v2.post('tweets', { text: 'status update' }, { fullResponse: true });
    expect(created.rateLimit).toEqual({ limit: 100, remaining: 99, reset: resetAt, day: { limit: 10_000, remaining: 9_999, reset: Math.ceil((clock.now() + 24 * 3600_000) / 1000) } });
    const dm = await client.v2.post('dm_conversations/with/:participant_id/messages', { text: 'hi' }, { params: { participant_id: '42' }, fullResponse: true });
    expect(dm.rateLimit).toMatchObject({ limit: 15, remaining: 14, userDay: { limit: 1_440, remaining: 1_439 } });
  });

  it('answers 429 with X body once the window is used up, and opens a new window after it ends', async () => {
    const clock = manualClock();
    const { sim, client } = await start({ clock: clock.now, rateLimits: { mentions: { limit: 5, windowMs: 2_000 } } });
    for (let i = 0; i < 5; i++) await client.v2.userMentionTimeline(sim.brand.id);
    const limited = await client.v2.userMentionTimeline(sim.brand.id).catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(ApiResponseError);
    const error = limited as ApiResponseError;
    expect(error.rateLimitError).toBe(true);
    expect(error.code).toBe(429);
    expect(error.data).toEqual({ title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 });
    expect(error.rateLimit).toEqual({ limit: 5, remaining: 0, reset: Math.ceil((clock.now() + 2_000) / 1000) });

    clock.advance(1_999);
    await expect(client.v2.userMentionTimeline(sim.brand.id)).rejects.toMatchObject({ code: 429 });
    clock.advance(1);
    const fresh = await client.v2.userMentionTimeline(sim.brand.id);
    expect(fresh.rateLimit).toMatchObject({ limit: 5, remaining: 4 });
    expect(sim.requestStats().mentions).toMatchObject({ requests: 8, succeeded: 6, rateLimited: 2 });
  });

  it('keeps separate windows per endpoint and per user token', async () => {
    const clock = manualClock();
    const { sim, client, baseUrl } = await start({ clock: clock.now, rateLimits: { dmEvents: { limit: 1, windowMs: 60_000 } } });
    await client.v2.listDmEvents();
    await expect(client.v2.listDmEvents()).rejects.toMatchObject({ code: 429 });
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
    const otherUser = userClient(baseUrl, { ...TEST_KEYS, accessToken: '77-other' });
    await expect(otherUser.v2.listDmEvents()).resolves.toBeDefined();
  });

  it('applies the 24-hour app cap on posting even when the 15-minute window has room', async () => {
    const clock = manualClock();
    const { sim, client } = await start({ clock: clock.now, rateLimits: { createTweet: { limit: 100, windowMs: 60_000, daily: { limit: 2, windowMs: 86_400_000, scope: 'app' } } } });
    await client.v2.tweet('one');
    await client.v2.tweet('two');
    const capped = await client.v2.tweet('three').catch((error: unknown) => error as ApiResponseError);
    expect(capped).toMatchObject({ code: 429, rateLimitError: true });
    expect((capped as ApiResponseError).rateLimit).toMatchObject({ remaining: 98, day: { limit: 2, remaining: 0 } });
    expect(sim.postedTweets()).toHaveLength(2);
  });

  it('can reset windows through the control endpoint', async () => {
    const { sim, client, origin } = await start({ rateLimits: { mentions: { limit: 1, windowMs: 60_000 } } });
    await client.v2.userMentionTimeline(sim.brand.id);
    await expect(client.v2.userMentionTimeline(sim.brand.id)).rejects.toMatchObject({ code: 429 });
    expect((await fetch(`${origin}/__sim/rate-limits/reset`, { method: 'POST' })).status).toBe(204);
    await expect(client.v2.userMentionTimeline(sim.brand.id)).resolves.toBeDefined();
    const stats = await (await fetch(`${origin}/__sim/stats`)).json();
    expect(stats.mentions).toMatchObject({ requests: 3, rateLimited: 1, succeeded: 2 });
  });
});
