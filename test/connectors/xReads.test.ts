import { describe, expect, it } from 'vitest';
import { XApi } from '../../server/connectors/x/xApi.js';
import { manualClock } from '../simulator/helpers/clients.js';
import { MemorySink, TEST_CREDENTIALS } from './fakes.js';
import { BRAND, connector, simulator } from './harness.js';

describe('X\'s own errors reach health, and stop what cannot work (real twitter-api-v2 over HTTP)', () => {
  it('a 200 with errors and no data is a failure, not "caught up"', async () => {
    const x = await simulator();
    x.sim.injectFault({ kind: 'errorsNoData', endpoint: 'mentions' });
    const made = connector(x.baseUrl);
    await made.pollOnce();
    const mentions = made.health().streams.find((stream) => stream.stream === 'mentions')!;
    expect(mentions.lastError).toMatch(/^X 200 Forbidden: User has been suspended/);
    expect(mentions.caughtUpAt).toBeNull();
  });

  it('402 credits depleted: X\'s words and the fix in health, and the stream is left alone for a while', async () => {
    const x = await simulator();
    x.sim.injectFault({ kind: 'problem', problem: 'creditsDepleted', endpoint: 'mentions' });
    const made = connector(x.baseUrl);
    await made.pollOnce();
    const health = made.health();
    expect(health.problem).toMatch(/^X 402 CreditsDepleted: Your enrolled account .* does not have any credits .* — fix: the account has no credits/);
    expect(Date.parse(health.streams[0]!.pausedUntil!)).toBeGreaterThan(Date.now() + 14 * 60_000);
    await made.pollOnce();
    expect(x.sim.requestStats().mentions.requests).toBe(1);
    expect(x.sim.requestStats().dmEvents.requests).toBe(2);
  });

  it('403 client-not-enrolled names the reason; usage-capped waits for its period', async () => {
    const x = await simulator();
    x.sim.injectFault({ kind: 'problem', problem: 'clientNotEnrolled', endpoint: 'mentions' });
    x.sim.injectFault({ kind: 'problem', problem: 'usageCappedDaily', endpoint: 'dmEvents' });
    const made = connector(x.baseUrl);
    await made.pollOnce();
    const [mentions, dms] = made.health().streams;
    expect(mentions!.lastError).toContain('reason client-not-enrolled');
    expect(mentions!.lastError).toContain('attach the app to a Project');
    expect(dms!.lastError).toMatch(/X 429 UsageCapExceeded: .*period Daily, scope Product.* — fix: the Product's daily usage cap is spent/);
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(dms!.pausedUntil).toBe(midnight.toISOString());
  });

  it('refuses to poll or send when GET /2/users/me is not X_ACCOUNT_ID', async () => {
    const x = await simulator();
    x.sim.addMention({ text: 'hello' });
    const made = connector(x.baseUrl, { accountId: '42' });
    await made.pollOnce();
    made.start();
    expect(made.health()).toMatchObject({ status: 'down', problem: expect.stringContaining(`belong to @AcmeHelp (id ${BRAND}), not to X_ACCOUNT_ID 42`) });
    await expect(made.send({ channel: 'public', text: 'hi', inReplyTo: x.sim.mentions()[0]!.id })).rejects.toThrow(/not to X_ACCOUNT_ID 42/);
    expect(x.sim.requestStats().mentions.requests).toBe(0);
    expect(x.sim.requestStats().createTweet.requests).toBe(0);
  });

  it('goes on when GET /2/users/me cannot be answered (a 5xx), but not when X refuses the credentials', async () => {
    const x = await simulator();
    const mention = x.sim.addMention({ text: 'hello' });
    x.sim.injectFault({ kind: 'serverError', endpoint: 'me', times: 4 });
    const sink = new MemorySink();
    await connector(x.baseUrl, { sink }).pollOnce();
    expect([...sink.messages.keys()]).toEqual([`x:${mention.id}`]);

    x.sim.injectFault({ kind: 'problem', problem: 'unauthorized', endpoint: 'me' });
    const refused = connector(x.baseUrl);
    await refused.pollOnce();
    expect(refused.health().problem).toMatch(/^GET \/2\/users\/me failed: X 401 Unauthorized — fix: check X_APP_KEY/);
    expect(x.sim.requestStats().mentions.requests).toBe(1);
  });

  it('an app without DM permission (x-access-level read-write) reads mentions but not DMs, and says how to fix it', async () => {
    const x = await simulator({ accessLevel: 'read-write' });
    const mention = x.sim.addMention({ text: 'hello' });
    const dm = x.sim.addDm({ text: 'private' });
    const sink = new MemorySink();
    const made = connector(x.baseUrl, { sink });
    await made.pollOnce();
    expect([...sink.messages.keys()]).toEqual([`x:${mention.id}`]);
    expect(made.health().problem).toMatch(/access level is "read-write": DMs cannot be read or sent. Give the app "Read and write and Direct message" permission/);
    await expect(made.send({ channel: 'dm', text: 'hi', recipientId: dm.senderId })).rejects.toThrow(/Direct message/);
    expect(x.sim.requestStats().dmEvents.requests).toBe(0);
  });

  it('reports X\'s api-version header, so a switch to 2.167 names is noticed', async () => {
    const x = await simulator({ apiVersion: '2.167' });
    const versions: string[] = [];
    const api = new XApi({ baseUrl: x.baseUrl, credentials: TEST_CREDENTIALS, onApiVersion: (version) => versions.push(version) });
    await api.me({ retries: 0, rateLimited: 0 });
    await api.me({ retries: 0, rateLimited: 0 });
    await api.stop();
    expect(versions).toEqual(['2.167']);
  });
});

describe('real post data (real twitter-api-v2 over HTTP)', () => {
  it('unescapes X\'s text, keeps long posts whole, links expanded and the leading @brand muted', async () => {
    const x = await simulator();
    const long = `fish & chips <3 ${'and a very long story about my order '.repeat(8)}see https://acme.example/orders/123456789/status`;
    const posted = x.sim.addMention({ text: long, author: { verified: true } });
    const sink = new MemorySink();
    await connector(x.baseUrl, { sink }).pollOnce();
    const message = sink.messages.get(`x:${posted.id}`)!;
    const tco = posted.urls![0]!.url;
    expect(message.text).toBe(`@AcmeHelp ${long.replace('https://acme.example/orders/123456789/status', tco)}`);
    expect(message.links).toEqual([{ start: message.text.length - tco.length, end: message.text.length, url: tco, expandedUrl: 'https://acme.example/orders/123456789/status', displayUrl: 'acme.example/orders/12345…' }]);
    expect(message.mutedPrefixLength).toBe('@AcmeHelp '.length);
    expect(message.author.verifiedType).toBe('blue');
  });

  it('gives several customers in one conversation their own author ids and whom each answers', async () => {
    const x = await simulator();
    const root = x.sim.addMention({ text: 'outage?' });
    const brandReply = x.sim.addBrandReply(root.id, '@someone we are on it');
    const other = x.sim.addMention({ text: 'same here', inReplyToTweetId: brandReply.id });
    const quote = x.sim.addMention({ text: 'look at this', quoteOfTweetId: root.id });
    const repost = x.sim.addMention({ text: '', repostOfTweetId: root.id });
    const sink = new MemorySink();
    await connector(x.baseUrl, { sink }).pollOnce();
    expect(sink.messages.get(`x:${other.id}`)).toMatchObject({ kind: 'reply', threadId: root.id, inReplyTo: brandReply.id, inReplyToAuthorId: BRAND });
    expect(other.authorId).not.toBe(root.authorId);
    expect(sink.messages.get(`x:${quote.id}`)).toMatchObject({ kind: 'quote', inReplyToAuthorId: root.authorId });
    expect(sink.messages.get(`x:${repost.id}`)).toMatchObject({ kind: 'repost', inReplyToAuthorId: root.authorId });
    expect(sink.messages.get(`x:${root.id}`)).toMatchObject({ kind: 'post' });
  });

  it('reads a mention X indexed late, by looking a few minutes behind what it read', async () => {
    const clock = manualClock(Date.now());
    const x = await simulator({ clock: clock.now });
    // X indexes this one two minutes late: the first poll reads the newer one past it.
    const late = x.sim.addMention({ text: 'I was indexed late', indexDelayMs: 120_000 });
    clock.advance(1_000);
    const newer = x.sim.addMention({ text: 'newer' });
    const sink = new MemorySink();
    const made = connector(x.baseUrl, { sink, lateMentionsEveryMs: 0 });
    await made.pollOnce();
    expect([...sink.messages.keys()]).toEqual([`x:${newer.id}`]);
    clock.advance(120_000);
    await made.pollOnce();
    expect(sink.messages.has(`x:${late.id}`)).toBe(true);
  });

  it('an edit updates its message instead of arriving as a second one', async () => {
    const x = await simulator();
    const first = x.sim.addMention({ text: 'order 12 is late' });
    const edited: unknown[] = [];
    const sink = Object.assign(new MemorySink(), { applyEdits: async (messages: unknown[]) => void edited.push(...messages) });
    const made = connector(x.baseUrl, { sink });
    await made.pollOnce();
    const second = x.sim.editPost(first.id, '@AcmeHelp order 13 is late, sorry');
    await made.pollOnce();
    expect([...sink.messages.keys()]).toEqual([`x:${first.id}`]);
    expect(edited).toEqual([expect.objectContaining({ id: `x:${first.id}`, text: '@AcmeHelp order 13 is late, sorry', latestVersionId: second.id })]);
  });
});

describe('what polling costs under pay-per-use (reads billed per object returned)', () => {
  it('a DM poll with nothing new returns one event, not a page of old ones', async () => {
    const x = await simulator({ items: 40, mix: { dmRatio: 1 } });
    const made = connector(x.baseUrl);
    await made.pollOnce();
    const afterFirst = x.sim.requestStats().dmEvents.itemsReturned;
    expect(afterFirst).toBe(40);
    await made.pollOnce();
    await made.pollOnce();
    expect(x.sim.requestStats().dmEvents.itemsReturned - afterFirst).toBe(2);
    x.sim.addDm({ text: 'new one' });
    await made.pollOnce();
    // The probe (1) finds the new event, then a page of 5 reads on to the stored ones.
    expect(x.sim.requestStats().dmEvents.itemsReturned - afterFirst).toBe(2 + 1 + 5);
  });

  it('a mentions poll with nothing new returns nothing; a look-back re-reads only its span', async () => {
    const clock = manualClock(Date.now());
    const x = await simulator({ clock: clock.now });
    for (let i = 0; i < 5; i++) {
      x.sim.addMention({ text: `question ${i}` });
      clock.advance(60_000);
    }
    const made = connector(x.baseUrl, { lateMentionsEveryMs: 10 * 60_000, lateMentionsLookbackMs: 2.5 * 60_000 });
    await made.pollOnce(); // the first poll: everything, and the look-back clock starts
    const first = x.sim.requestStats().mentions.itemsReturned;
    await made.pollOnce();
    expect(x.sim.requestStats().mentions.itemsReturned).toBe(first);
  });
});
