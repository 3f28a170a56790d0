import { afterEach, describe, expect, it } from 'vitest';
import { startXSimulator, type RunningXSimulator, type XSimulatorOptions } from '../../server/simulator/x/index.js';
import { userClient } from './helpers/clients.js';

let running: RunningXSimulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: XSimulatorOptions) {
  running = await startXSimulator(options);
  return { ...running, client: userClient(running.baseUrl) };
}

describe('POST /2/tweets through twitter-api-v2', () => {
  it('client.v2.reply creates the brand reply in the customer conversation', async () => {
    const { sim, client } = await start({ items: 0 });
    const mention = sim.addMention({ text: 'where is my refund?' });
    const created = await client.v2.reply('Sorry about that - we have sent you a DM.', mention.id);
    expect(created.data).toEqual({ id: expect.stringMatching(/^\d+$/), text: 'Sorry about that - we have sent you a DM.' });
    const stored = sim.world.tweets.get(created.data.id);
    expect(stored).toMatchObject({ authorId: sim.brand.id, conversationId: mention.id, repliedToId: mention.id, inReplyToUserId: mention.authorId });
    expect(sim.postedTweets()).toEqual([
      expect.objectContaining({ id: created.data.id, inReplyToTweetId: mention.id, inReplyToUserId: mention.authorId, conversationId: mention.id }),
    ]);
  });

  it('keeps our replies out of the mentions timeline (they do not mention the brand)', async () => {
    const { sim, client } = await start({ items: 0 });
    const mention = sim.addMention({ text: 'hello?' });
    await client.v2.tweet({ text: 'Hi! How can we help?', reply: { in_reply_to_tweet_id: mention.id } });
    const timeline = await client.v2.userMentionTimeline(sim.brand.id);
    expect(timeline.tweets.map((tweet) => tweet.id)).toEqual([mention.id]);
  });

  it('lists what we posted on the simulator-only /__sim/posted endpoint', async () => {
    const { sim, client, origin } = await start({ items: 0 });
    const mention = sim.addMention({ text: 'help' });
    const created = await client.v2.reply('On it.', mention.id);
    const dm = (await client.v2.sendDmToParticipant(mention.authorId, { text: 'Details please' })) as unknown as { data: { dm_event_id: string } };
    const posted = await (await fetch(`${origin}/__sim/posted`)).json();
    expect(posted).toEqual({
      tweets: [expect.objectContaining({ id: created.data.id, text: 'On it.', inReplyToTweetId: mention.id })],
      dms: [expect.objectContaining({ dmEventId: dm.data.dm_event_id, participantId: mention.authorId })],
    });
  });

  it('refuses duplicate text, replies to unknown posts, long text and unknown body fields as X does', async () => {
    const { sim, client } = await start({ items: 0 });
    const mention = sim.addMention({ text: 'broken again' });
    await client.v2.reply('Please DM us your order number.', mention.id);
    await expect(client.v2.reply('Please DM us your order number.', mention.id)).rejects.toMatchObject({
      code: 403,
      data: { detail: 'You are not allowed to create a Tweet with duplicate content.' },
    });
    await expect(client.v2.reply('Hello', '123')).rejects.toMatchObject({ code: 403, data: { detail: expect.stringMatching(/deleted or not visible/) } });
    await expect(client.v2.tweet('x'.repeat(281))).rejects.toMatchObject({ code: 403 });
    await expect(client.v2.post('tweets', { text: 'hi', in_reply_to: mention.id })).rejects.toMatchObject({
      code: 400,
      data: { errors: [{ message: expect.stringMatching(/\$\.in_reply_to: is not defined/) }] },
    });
    expect(sim.postedTweets()).toHaveLength(1);
  });

  it('allows repeated text when the duplicate check is switched off', async () => {
    const { sim, client } = await start({ items: 0, duplicateTweetCheck: false });
    const mention = sim.addMention({ text: 'hi' });
    await client.v2.reply('Thanks!', mention.id);
    await client.v2.reply('Thanks!', mention.id);
    expect(sim.postedTweets()).toHaveLength(2);
  });
});
