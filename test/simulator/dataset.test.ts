import { describe, expect, it } from 'vitest';
import { loadCareCorpus } from '../../server/simulator/x/corpus.js';
import { compareIds } from '../../server/simulator/x/ids.js';
import { XSimulator } from '../../server/simulator/x/index.js';
import { manualClock } from './helpers/clients.js';

const fixedNow = () => Date.UTC(2025, 5, 2, 12, 0, 0);

describe('preloaded dataset', () => {
  it('is identical for the same seed and differs for another seed', () => {
    const a = new XSimulator({ seed: 7, items: 300, clock: fixedNow });
    const b = new XSimulator({ seed: 7, items: 300, clock: fixedNow });
    const c = new XSimulator({ seed: 8, items: 300, clock: fixedNow });
    expect(b.mentions()).toEqual(a.mentions());
    expect(b.dmEvents()).toEqual(a.dmEvents());
    expect(c.mentions().map((tweet) => tweet.text)).not.toEqual(a.mentions().map((tweet) => tweet.text));
  });

  it('has conversations where several customers post, some under the brand\'s reply to another customer', () => {
    const sim = new XSimulator({ seed: 3, items: 1_000, clock: fixedNow });
    const customersByConversation = new Map<string, Set<string>>();
    for (const tweet of sim.mentions()) {
      customersByConversation.set(tweet.conversationId, (customersByConversation.get(tweet.conversationId) ?? new Set()).add(tweet.authorId));
    }
    const shared = [...customersByConversation.values()].filter((authors) => authors.size >= 2);
    expect(shared.length).toBeGreaterThan(20);
    const underBrandReply = sim.mentions().filter((tweet) => {
      const parent = tweet.repliedToId === undefined ? undefined : sim.world.tweets.get(tweet.repliedToId);
      return parent?.authorId === sim.brand.id && parent.inReplyToUserId !== tweet.authorId;
    });
    expect(underBrandReply.length).toBeGreaterThan(5);
  });

  it('indexes a share of mentions late when asked to', () => {
    const sim = new XSimulator({ seed: 3, items: 500, clock: fixedNow, lateIndexRatio: 0.1 });
    const late = sim.mentions().filter((tweet) => tweet.indexedAt !== undefined);
    expect(late.length).toBeGreaterThan(10);
    expect(late.every((tweet) => tweet.indexedAt! - tweet.createdAt >= 60_000 && tweet.indexedAt! - tweet.createdAt <= 240_000)).toBe(true);
  });

  it('replays the real corpus texts as mentions of the brand and as DMs', () => {
    const sim = new XSimulator({ items: 200, clock: fixedNow });
    const corpus = loadCareCorpus();
    const openers = new Set(corpus.customerOpeners);
    expect(sim.mentions().every((tweet) => tweet.text.startsWith('@AcmeHelp '))).toBe(true);
    const replayed = sim.mentions().filter((tweet) => openers.has(tweet.text.slice('@AcmeHelp '.length)));
    expect(replayed.length).toBeGreaterThan(80);
    expect(sim.dmEvents().every((event) => openers.has(event.text) && event.recipientId === sim.brand.id)).toBe(true);
  });

  it('makes 10,000 items, about a fifth of them DMs, ids strictly increasing', () => {
    const sim = new XSimulator({ items: 10_000, seed: 3, clock: fixedNow });
    const dmShare = sim.dmEvents().length / 10_000;
    expect(dmShare).toBeGreaterThan(0.17);
    expect(dmShare).toBeLessThan(0.23);
    expect(sim.mentions().length + sim.dmEvents().length).toBe(10_000);
    const ids = sim.mentions().map((tweet) => tweet.id);
    for (let i = 1; i < ids.length; i++) expect(compareIds(ids[i] as string, ids[i - 1] as string)).toBeGreaterThan(0);
    expect(new Set(sim.mentions().map((tweet) => tweet.text)).size).toBeGreaterThan(5_000);
  });

  it('builds threads: follow-ups reply in the root conversation, some to a brand reply', () => {
    const sim = new XSimulator({ items: 400, seed: 11, clock: fixedNow });
    const followUps = sim.mentions().filter((tweet) => tweet.repliedToId !== undefined);
    expect(followUps.length).toBeGreaterThan(20);
    for (const tweet of followUps) {
      const parent = sim.world.tweets.get(tweet.repliedToId as string);
      expect(parent?.conversationId).toBe(tweet.conversationId);
      expect(tweet.inReplyToUserId).toBe(parent?.authorId);
      expect(compareIds(tweet.conversationId, tweet.id)).toBeLessThan(0);
    }
    const toBrand = followUps.filter((tweet) => tweet.inReplyToUserId === sim.brand.id);
    expect(toBrand.length).toBeGreaterThan(5);
    const brandReply = sim.world.tweets.get(toBrand[0]?.repliedToId as string);
    expect(brandReply?.authorId).toBe(sim.brand.id);
    expect(sim.mentions()).not.toContain(brandReply);
  });

  it('makes up plausible customers: valid handles, spread of followers, a few verified', () => {
    const sim = new XSimulator({ items: 2_000, seed: 5, clock: fixedNow });
    const customers = [...sim.world.users.values()].filter((user) => user.id !== sim.brand.id);
    expect(customers.every((user) => /^[A-Za-z0-9_]{1,15}$/.test(user.username) && /^[0-9]{1,19}$/.test(user.id))).toBe(true);
    expect(new Set(customers.map((user) => user.username.toLowerCase())).size).toBe(customers.length);
    expect(customers.some((user) => user.followersCount > 10_000)).toBe(true);
    expect(customers.some((user) => user.followersCount < 100)).toBe(true);
    const verifiedShare = customers.filter((user) => user.verified).length / customers.length;
    expect(verifiedShare).toBeGreaterThan(0);
    expect(verifiedShare).toBeLessThan(0.1);
  });

  it('spreads preloaded items over the past, ending at the clock time', () => {
    const clock = manualClock();
    const sim = new XSimulator({ items: 100, clock: clock.now, meanGapMs: 60_000 });
    const times = sim.mentions().map((tweet) => tweet.createdAt);
    expect(Math.max(...times)).toBeLessThanOrEqual(clock.now());
    expect(Math.min(...times)).toBeLessThan(clock.now() - 30 * 60_000);
  });
});

describe('programmatic traffic', () => {
  it('addMention puts the brand handle first and joins an existing thread', () => {
    const sim = new XSimulator({ items: 0, clock: fixedNow });
    const root = sim.addMention({ text: 'my parcel never came', author: { username: 'vip_customer', followersCount: 250_000, verified: true } });
    expect(root.text).toBe('@AcmeHelp my parcel never came');
    const followUp = sim.addMention({ text: '@AcmeHelp any news?', author: { id: root.authorId }, inReplyToTweetId: root.id });
    expect(followUp).toMatchObject({ conversationId: root.id, repliedToId: root.id, inReplyToUserId: root.authorId });
    expect(sim.world.users.get(root.authorId)).toMatchObject({ username: 'vip_customer', verified: true, followersCount: 250_000 });
    expect(() => sim.addMention({ text: 'x', inReplyToTweetId: '1' })).toThrow(/no post 1/);
  });

  it('addDm records a customer DM to the brand; generate() adds live items', () => {
    const sim = new XSimulator({ items: 0, clock: fixedNow });
    const dm = sim.addDm({ text: 'my account is locked', sender: { name: 'Pat Lee' } });
    expect(dm.conversationId).toBe(`${dm.senderId}-${sim.brand.id}`);
    expect(sim.generate(10)).toHaveLength(10);
    expect(sim.mentions().length + sim.dmEvents().length).toBe(11);
  });
});
