import { afterEach, describe, expect, it } from 'vitest';
import { ApiResponseError, type TwitterApi, type TweetV2, type TweetV2PaginableTimelineParams } from 'twitter-api-v2';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { userClient } from './helpers/clients.js';

type TRequestQuery = NonNullable<Parameters<TwitterApi['v2']['get']>[1]>;

const CONNECTOR_FIELDS: Partial<TweetV2PaginableTimelineParams> = {
  'tweet.fields': ['author_id', 'conversation_id', 'created_at', 'in_reply_to_user_id', 'referenced_tweets', 'lang', 'attachments', 'entities'],
  expansions: ['author_id', 'referenced_tweets.id', 'attachments.media_keys'],
  'user.fields': ['public_metrics', 'verified', 'name', 'username'],
  'media.fields': ['url', 'width', 'height'],
};

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions) {
  running = await startXSimulator(options);
  return { ...running, client: userClient(running.baseUrl) };
}

describe('GET /2/users/:id/mentions through twitter-api-v2', () => {
  it('returns mentions newest first with X fields, authors in includes.users', async () => {
    const { sim, client } = await start({ items: 80, seed: 21 });
    const timeline = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 20, ...CONNECTOR_FIELDS });
    const expected = [...sim.mentions()].reverse().slice(0, 20).map((tweet) => tweet.id);
    expect(timeline.tweets.map((tweet) => tweet.id)).toEqual(expected);
    expect(timeline.meta).toMatchObject({ result_count: 20, newest_id: expected[0], oldest_id: expected[19] });
    for (const tweet of timeline.tweets) {
      expect(tweet.text.startsWith('@AcmeHelp ')).toBe(true);
      expect(tweet).toMatchObject({ lang: 'en', author_id: expect.any(String), conversation_id: expect.any(String) });
      expect(Date.parse(tweet.created_at ?? '')).not.toBeNaN();
      const author = timeline.includes.author(tweet);
      expect(author?.public_metrics?.followers_count).toEqual(expect.any(Number));
      expect(typeof author?.verified).toBe('boolean');
    }
  });

  it('includes referenced posts and photos for replies and attachments', async () => {
    const { sim, client } = await start({ items: 0 });
    const root = sim.addMention({ text: 'the app crashes on login', withPhoto: true });
    const reply = sim.addMention({ text: 'still crashing', author: { id: root.authorId }, inReplyToTweetId: root.id });
    const timeline = await client.v2.userMentionTimeline(sim.brand.id, CONNECTOR_FIELDS);
    const [newest, oldest] = timeline.tweets as [TweetV2, TweetV2];
    expect(newest).toMatchObject({
      id: reply.id,
      conversation_id: root.id,
      in_reply_to_user_id: root.authorId,
      referenced_tweets: [{ type: 'replied_to', id: root.id }],
    });
    expect(timeline.includes.repliedTo(newest)?.id).toBe(root.id);
    expect(oldest.attachments?.media_keys).toHaveLength(1);
    expect(timeline.includes.medias(oldest)[0]).toMatchObject({ type: 'photo', url: expect.stringMatching(/^https:\/\//) });
    expect(timeline.includes.users).toHaveLength(1);
  });

  it('returns only the default fields when none are asked for', async () => {
    const { sim, client } = await start({ items: 10 });
    const timeline = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 5 });
    for (const tweet of timeline.tweets) expect(Object.keys(tweet).sort()).toEqual(['edit_history_tweet_ids', 'id', 'text']);
    expect(timeline.data.includes).toBeUndefined();
  });

  it('since_id returns only newer mentions; nothing new gives result_count 0', async () => {
    const { sim, client } = await start({ items: 30 });
    const first = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 5 });
    const newestId = first.meta.newest_id;
    const empty = await client.v2.userMentionTimeline(sim.brand.id, { since_id: newestId });
    expect(empty.data).toEqual({ meta: { result_count: 0 } });
    expect(empty.tweets).toEqual([]);
    const added = [sim.addMention({ text: 'first new' }), sim.addMention({ text: 'second new' })];
    const fresh = await client.v2.userMentionTimeline(sim.brand.id, { since_id: newestId });
    expect(fresh.tweets.map((tweet) => tweet.id)).toEqual([added[1]?.id, added[0]?.id]);
  });

  it('pages with next_token until the end, without gaps or repeats', async () => {
    const { sim, client } = await start({ items: 120, seed: 4 });
    const timeline = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 7 });
    expect(timeline.meta.next_token).toEqual(expect.any(String));
    await timeline.fetchLast(1_000);
    const expected = [...sim.mentions()].reverse().map((tweet) => tweet.id);
    expect(timeline.tweets.map((tweet) => tweet.id)).toEqual(expected);
    expect(timeline.done).toBe(true);
  });

  it('keeps since_id while paging (a backlog after an outage)', async () => {
    const { sim, client } = await start({ items: 60 });
    const sinceId = (sim.mentions()[10]?.id) as string;
    const timeline = await client.v2.userMentionTimeline(sim.brand.id, { since_id: sinceId, max_results: 5 });
    await timeline.fetchLast(1_000);
    expect(timeline.tweets.map((tweet) => tweet.id)).toEqual(sim.mentions().slice(11).map((tweet) => tweet.id).reverse());
  });

  it('reaches back only 800 mentions by default, as X documents', async () => {
    const { sim, client } = await start({ items: 1_200 });
    expect(sim.mentions().length).toBeGreaterThan(800);
    const oldestVisible = sim.mentions()[sim.mentions().length - 800]?.id;
    const page = await client.v2.userMentionTimeline(sim.brand.id, { max_results: 100, until_id: oldestVisible });
    expect(page.tweets).toEqual([]);
  });

  it('answers bad parameters with X 400 problems', async () => {
    const { sim, client } = await start({ items: 5 });
    const cases: Array<[TRequestQuery, RegExp]> = [
      [{ max_results: 200 }, /max_results` query parameter value \[200\] is not between 5 and 100/],
      [{ 'tweet.fields': ['author_id', 'authorid'] }, /value \[authorid\] is not one of/],
      [{ since_id: 'abc' }, /does not match/],
      [{ pagination_token: 'garbage' }, /pagination_token/],
      [{ tweet_fields: 'author_id' }, /query parameter \[tweet_fields\] is not one of/],
    ];
    for (const [query, message] of cases) {
      const failure = client.v2.get('users/:id/mentions', query, { params: { id: sim.brand.id } });
      await expect(failure).rejects.toBeInstanceOf(ApiResponseError);
      await expect(failure).rejects.toMatchObject({ code: 400, data: { title: 'Invalid Request', errors: [{ message: expect.stringMatching(message) }] } });
    }
  });

  it('has no mentions for another account', async () => {
    const { client } = await start({ items: 20 });
    const timeline = await client.v2.userMentionTimeline('12345');
    expect(timeline.data).toEqual({ meta: { result_count: 0 } });
  });
});
