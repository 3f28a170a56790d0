import { describe, expect, it } from 'vitest';
import { OutcomeUnknownError, WindowWaitError } from '../../server/connectors/connector.js';
import { connector, simulator } from './harness.js';

describe('X writes are sent at most once (real twitter-api-v2 over HTTP)', () => {
  it('a reply whose answer is lost after X posted it is found among the brand\'s posts, not posted again', async () => {
    const x = await simulator();
    const mention = x.sim.addMention({ text: 'my parcel is late' });
    x.sim.injectFault({ kind: 'responseLost', endpoint: 'createTweet' });
    const sent = await connector(x.baseUrl).send({ channel: 'public', text: 'Sorry! Tracking: https://acme.example/t/1 & more', inReplyTo: mention.id });
    expect(x.sim.postedTweets()).toHaveLength(1);
    expect(sent).toEqual({ externalId: x.sim.postedTweets()[0]!.id, settledBy: 'found' });
    expect(x.sim.requestStats().createTweet.requests).toBe(1);
  });

  it('a DM whose answer is lost after X sent it is found in the conversation, not sent again', async () => {
    const x = await simulator();
    const dm = x.sim.addDm({ text: 'my order number is 123' });
    x.sim.injectFault({ kind: 'responseLost', endpoint: 'sendDm' });
    const sent = await connector(x.baseUrl).send({ channel: 'dm', text: 'Thanks, looking into it <3', recipientId: dm.senderId });
    expect(x.sim.sentDms()).toHaveLength(1);
    expect(sent).toEqual({ externalId: x.sim.sentDms()[0]!.dmEventId, settledBy: 'found' });
  });

  it('a 5xx is not retried: its outcome is unknown until a look-up finds nothing, then the next attempt sends it once', async () => {
    const x = await simulator();
    const mention = x.sim.addMention({ text: 'hello?' });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'createTweet', status: 503 });
    const made = connector(x.baseUrl);
    const failure = await made.send({ channel: 'public', text: 'Hi there', inReplyTo: mention.id }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutcomeUnknownError);
    expect((failure as Error).message).toMatch(/X 503 Service Unavailable/);
    expect(x.sim.requestStats().createTweet.requests).toBe(1);
    const again = await made.send({ channel: 'public', text: 'Hi there', inReplyTo: mention.id, unknownAttemptAt: (failure as OutcomeUnknownError).attemptAt });
    expect(again).toMatchObject({ settledBy: 'sent' });
    expect(x.sim.postedTweets()).toHaveLength(1);
  });

  it('a timed-out DM is not sent again when it did go out, even if the look-up comes later', async () => {
    const x = await simulator();
    const dm = x.sim.addDm({ text: 'help' });
    x.sim.injectFault({ kind: 'timeout', endpoint: 'sendDm', afterEffect: true });
    const made = connector(x.baseUrl, { timeoutMs: 300 });
    const sent = await made.send({ channel: 'dm', text: 'On it.', recipientId: dm.senderId });
    expect(sent).toMatchObject({ settledBy: 'found' });
    expect(x.sim.sentDms()).toHaveLength(1);
  });

  it('after an attempt whose answer was lost, X\'s 403 duplicate means "probably sent", not failed', async () => {
    // X shows the brand's new posts in its timeline late, so the look-up cannot see the post yet.
    const x = await simulator({ ownPostsIndexDelayMs: 60_000 });
    const mention = x.sim.addMention({ text: 'refund please' });
    x.sim.injectFault({ kind: 'responseLost', endpoint: 'createTweet' });
    const made = connector(x.baseUrl);
    const failure = (await made.send({ channel: 'public', text: 'Refund on its way.', inReplyTo: mention.id }).catch((error: unknown) => error)) as OutcomeUnknownError;
    expect(failure).toBeInstanceOf(OutcomeUnknownError);
    const again = await made.send({ channel: 'public', text: 'Refund on its way.', inReplyTo: mention.id, unknownAttemptAt: failure.attemptAt });
    expect(again).toEqual({ externalId: null, probablySent: expect.stringMatching(/duplicate/) });
    expect(x.sim.postedTweets()).toHaveLength(1);
  });

  it('a look-up that fails keeps the outcome unknown instead of sending', async () => {
    const x = await simulator();
    const dm = x.sim.addDm({ text: 'help' });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'dmConversation', times: 4 });
    const failure = await connector(x.baseUrl).send({ channel: 'dm', text: 'Hello', recipientId: dm.senderId, unknownAttemptAt: new Date() }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OutcomeUnknownError);
    expect(x.sim.requestStats().sendDm.requests).toBe(0);
  });

  it('retries a write refused with a 429, which X did not act on', async () => {
    const x = await simulator({ rateLimits: { createTweet: { limit: 1, windowMs: 1_000 } } });
    const mention = x.sim.addMention({ text: 'two questions' });
    const made = connector(x.baseUrl);
    await made.send({ channel: 'public', text: 'First answer', inReplyTo: mention.id });
    // The window is spent: X answers 429, which the limiter waits out before the one retry.
    const other = connector(x.baseUrl);
    await other.send({ channel: 'public', text: 'Second answer', inReplyTo: mention.id });
    expect(x.sim.postedTweets().map((tweet) => tweet.text)).toEqual(['First answer', 'Second answer']);
    expect(x.sim.requestStats().createTweet.rateLimited).toBe(1);
  });

  it('one queue per endpoint: a DM whose 24-hour cap is spent is handed back with the reset time, and a public reply still goes out', async () => {
    const x = await simulator({ rateLimits: { sendDm: { daily: { limit: 1, windowMs: 24 * 3600_000, scope: 'user' } } } });
    const dm = x.sim.addDm({ text: 'hi' });
    const mention = x.sim.addMention({ text: 'hello' });
    const made = connector(x.baseUrl);
    await made.send({ channel: 'dm', text: 'first DM', recipientId: dm.senderId });
    const waiting = await made.send({ channel: 'dm', text: 'second DM', recipientId: dm.senderId }).catch((error: unknown) => error);
    expect(waiting).toBeInstanceOf(WindowWaitError);
    expect((waiting as WindowWaitError).until.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    expect((waiting as Error).message).toMatch(/^waiting for X's DM window, which opens again at /);
    expect(await made.send({ channel: 'public', text: 'Public answer', inReplyTo: mention.id })).toMatchObject({ settledBy: 'sent' });
    expect(x.sim.requestStats().sendDm).toMatchObject({ requests: 1, rateLimited: 0 });
  });

  it('a usage-capped post is handed back until the cap\'s period ends, the endpoint is left alone until then, and DMs still go out', async () => {
    const x = await simulator();
    const mention = x.sim.addMention({ text: 'hello' });
    const dm = x.sim.addDm({ text: 'hi' });
    x.sim.injectFault({ kind: 'problem', problem: 'usageCappedDaily', endpoint: 'createTweet' });
    const made = connector(x.baseUrl);
    const capped = await made.send({ channel: 'public', text: 'Public answer', inReplyTo: mention.id }).catch((error: unknown) => error);
    const now = new Date();
    const nextUtcMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    expect(capped).toBeInstanceOf(WindowWaitError);
    expect((capped as WindowWaitError).until.getTime()).toBe(nextUtcMidnight);
    expect((capped as Error).message).toMatch(/^waiting for X's usage cap on posts, which lifts at .*: X 429 UsageCapExceeded: .*period Daily/);
    const again = await made.send({ channel: 'public', text: 'Public answer', inReplyTo: mention.id }).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(WindowWaitError);
    expect(await made.send({ channel: 'dm', text: 'A DM', recipientId: dm.senderId })).toMatchObject({ settledBy: 'sent' });
    expect(x.sim.requestStats().createTweet.requests).toBe(1);
    expect(x.sim.postedTweets()).toHaveLength(0);
  });
});
