import { describe, expect, it } from 'vitest';
import { userClient } from '../simulator/helpers/clients.js';
import type { MessageSink } from '../../server/connectors/connector.js';
import { MemoryCheckpoints, MemorySink, TEST_CREDENTIALS } from './fakes.js';
import { BRAND, connector, simulator } from './harness.js';

describe('X connector against the simulator (real twitter-api-v2 over HTTP)', () => {
  it('maps mentions, replies and DMs to normalized messages', async () => {
    const x = await simulator();
    const root = x.sim.addMention({ text: 'my parcel is late', author: { username: 'jane_doe', name: 'Jane', followersCount: 1200, verified: false }, withPhoto: true });
    const reply = x.sim.addMention({ text: 'still waiting!', inReplyToTweetId: root.id, author: { id: root.authorId } });
    const dm = x.sim.addDm({ text: 'here is my order number', sender: { username: 'bob', followersCount: 3 } });
    const sink = new MemorySink();
    await connector(x.baseUrl, { sink }).pollOnce();
    expect(sink.messages.get(`x:${root.id}`)).toEqual({
      id: `x:${root.id}`, platform: 'x', channel: 'public', text: '@AcmeHelp my parcel is late', lang: root.lang,
      createdAt: new Date(root.createdAt).toISOString(),
      author: { id: root.authorId, handle: 'jane_doe', name: 'Jane', followers: 1200, verified: false },
      threadId: root.id, attachments: [{ type: 'photo', url: expect.stringMatching(/^https:\/\/pbs\.twimg\.com\/media\//) }], kind: 'post', mutedPrefixLength: '@AcmeHelp '.length,
    });
    expect(sink.messages.get(`x:${reply.id}`)).toMatchObject({ threadId: root.id, inReplyTo: root.id, author: { handle: 'jane_doe' } });
    expect(sink.messages.get(`x:${dm.id}`)).toMatchObject({ channel: 'dm', text: 'here is my order number', threadId: dm.conversationId, author: { handle: 'bob', followers: 3 } });
  });

  it('reads only what is new on the next poll, and after a restart, with no duplicate', async () => {
    const x = await simulator({ items: 40 });
    const checkpoints = new MemoryCheckpoints();
    const sink = new MemorySink();
    const first = connector(x.baseUrl, { checkpoints, sink });
    await first.pollOnce();
    const afterFirst = sink.messages.size;
    expect(afterFirst).toBe(x.sim.mentions().length + x.sim.dmEvents().length);
    x.sim.addMention({ text: 'one more' });
    x.sim.addDm({ text: 'and a DM' });
    await first.stop();
    await connector(x.baseUrl, { checkpoints, sink }).pollOnce();
    expect(sink.messages.size).toBe(afterFirst + 2);
    expect(sink.order).toHaveLength(sink.messages.size);
  });

  it('pages through a long backlog and resumes a page run from its saved token after a failure', async () => {
    const x = await simulator({ items: 450, mix: { dmRatio: 0 } });
    const checkpoints = new MemoryCheckpoints();
    const sink = new MemorySink();
    sink.failOnCall = 3; // the third page cannot be stored
    const first = connector(x.baseUrl, { checkpoints, sink });
    await first.pollOnce();
    expect(first.health().streams[0]!.lastError).toBe('store unavailable');
    expect(checkpoints.saved.get('x/mentions')?.run?.nextToken).toBeTruthy();
    await first.stop();
    await connector(x.baseUrl, { checkpoints, sink }).pollOnce();
    const source = x.sim.mentions().map((tweet) => `x:${tweet.id}`).sort();
    expect([...sink.messages.keys()].sort()).toEqual(source);
    expect(checkpoints.saved.get('x/mentions')).toEqual({ newestId: x.sim.mentions().map((t) => BigInt(t.id)).reduce((a, b) => (a > b ? a : b)).toString() });
  });

  it('retries 5xx answers and dropped connections, and skips items repeated across pages', async () => {
    const x = await simulator({ items: 250, mix: { dmRatio: 0 } });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'mentions', times: 2, status: 503 });
    x.sim.injectFault({ kind: 'drop', endpoint: 'mentions', times: 1 });
    x.sim.injectFault({ kind: 'repeatItems', endpoint: 'mentions', times: 2, repeatCount: 5 });
    x.sim.injectFault({ kind: 'outOfOrder', endpoint: 'mentions', times: 1 });
    const sink = new MemorySink();
    const made = connector(x.baseUrl, { sink });
    await made.pollOnce();
    const mentions = made.health().streams.find((s) => s.stream === 'mentions')!;
    expect(mentions.lastError).toBeNull();
    expect(mentions.retries).toBe(3);
    expect(mentions.duplicates).toBeGreaterThan(0);
    expect(sink.messages.size).toBe(x.sim.mentions().length);
  });

  it('never sends more requests than the window allows and honours 429 resets', async () => {
    const x = await simulator({ items: 5, rateLimits: { mentions: { limit: 3, windowMs: 1500 }, dmEvents: { limit: 2, windowMs: 1500 } } });
    const made = connector(x.baseUrl, { windows: { mentions: { limit: 3, windowMs: 1500 }, dmEvents: { limit: 2, windowMs: 1500 } } });
    const started = Date.now();
    for (let i = 0; i < 7; i++) await made.pollOnce();
    const stats = x.sim.requestStats();
    expect(stats.mentions.requests).toBe(7);
    expect(stats.mentions.rateLimited).toBe(0);
    expect(stats.dmEvents.rateLimited).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500); // the fourth mentions poll had to wait for the reset
  });

  it('waits for the reset after a 429 it did not expect, then succeeds', async () => {
    const x = await simulator({ items: 3, rateLimits: { mentions: { limit: 2, windowMs: 1000 } } });
    const made = connector(x.baseUrl); // believes X's published 300 per 15 minutes
    // Another client of the same account spends the window first.
    const other = userClient(x.baseUrl, TEST_CREDENTIALS);
    for (let i = 0; i < 2; i++) await other.v2.userMentionTimeline(BRAND);
    await made.pollOnce();
    const mentions = made.health().streams.find((s) => s.stream === 'mentions')!;
    expect(mentions.rateLimited).toBe(1);
    expect(mentions.lastError).toBeNull();
    expect(x.sim.requestStats().mentions.rateLimited).toBe(1);
  });

  it('sends public replies and DMs', async () => {
    const x = await simulator();
    const mention = x.sim.addMention({ text: 'hello' });
    const made = connector(x.baseUrl);
    const reply = await made.send({ channel: 'public', text: 'Hi! How can we help?', inReplyTo: mention.id });
    const dm = await made.send({ channel: 'dm', text: 'Details here', recipientId: mention.authorId });
    expect(x.sim.postedTweets()).toEqual([expect.objectContaining({ id: reply.externalId, inReplyToTweetId: mention.id, text: 'Hi! How can we help?' })]);
    expect(x.sim.sentDms()).toEqual([expect.objectContaining({ dmEventId: dm.externalId, participantId: mention.authorId })]);
  });
});

describe('stopping the X connector', () => {
  it('does not wait for a spent window: the page read is stored with its checkpoint, and the run reads no further', async () => {
    // 150 posts are two pages; the one-hour window allows one request, so the second page waits for it.
    const x = await simulator({ items: 150, mix: { dmRatio: 0 }, rateLimits: { mentions: { limit: 1, windowMs: 3_600_000 } } });
    const sink = new MemorySink();
    const checkpoints = new MemoryCheckpoints();
    const made = connector(x.baseUrl, { sink, checkpoints, pollIntervalMs: { mentions: 50, dms: 60_000 } });
    made.start();
    await eventuallyTrue(() => sink.order.length >= 100 && [...checkpoints.saved.values()].some((saved) => saved.run?.nextToken !== undefined));
    // A hang here (until the window resets, an hour on) fails the test on its timeout.
    await made.stop();
    expect(x.sim.requestStats().mentions.requests).toBe(1);
    expect(sink.order).toHaveLength(100);
  });

  it('aborts a request X is holding: stop does not wait for it, nothing of that page is stored, and the next connector reads it once', async () => {
    // 150 posts are two pages; once the first is stored, X holds the answer to the second until the test lets go of it.
    const x = await simulator({ items: 150, mix: { dmRatio: 0 } });
    const sink = new MemorySink();
    const holdingSink: MessageSink = {
      ingest: async (messages) => {
        const result = await sink.ingest(messages);
        if (sink.calls === 1) x.sim.injectFault({ kind: 'timeout', endpoint: 'mentions' });
        return result;
      },
    };
    const checkpoints = new MemoryCheckpoints();
    const made = connector(x.baseUrl, { sink: holdingSink, checkpoints, timeoutMs: 600_000 });
    made.start();
    await eventuallyTrue(() => x.sim.held.count === 1);
    const checkpointBeforeStop = checkpoints.saved.get('x/mentions');
    expect(checkpointBeforeStop?.run?.nextToken).toBeTruthy();

    // Without the abort, stop waits for the held answer (released only below) and the test ends on its timeout.
    await made.stop();
    x.sim.held.answerAll();
    expect(sink.order).toHaveLength(100);
    expect(checkpoints.saved.get('x/mentions')).toEqual(checkpointBeforeStop);
    expect(made.health().streams.find((stream) => stream.stream === 'mentions')).toMatchObject({ lastError: null, retries: 0 });

    const next = connector(x.baseUrl, { sink, checkpoints });
    await next.pollOnce();
    expect([...sink.messages.keys()].sort()).toEqual(x.sim.mentions().map((tweet) => `x:${tweet.id}`).sort());
    expect(next.health().streams.find((stream) => stream.stream === 'mentions')).toMatchObject({ stored: 50, duplicates: 0 });
  });
});

async function eventuallyTrue(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}
