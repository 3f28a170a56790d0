import { describe, expect, it } from 'vitest';
import { dmEventToMessage, PageIncludes, snowflakeTime, tweetToMessage } from '../../server/connectors/x/mapping.js';
import type { XDmEvent, XPage, XTweet } from '../../server/connectors/x/payloads.js';
import { SnowflakeIds } from '../../server/simulator/x/ids.js';

const BRAND = '1000';

// Shapes as X returns them (OpenAPI 2.159 names), trimmed to what the connector asks for.
const mentionsPage: XPage<XTweet> = {
  data: [
    {
      id: '1790000000000000002', text: '@AcmeHelp still waiting for my refund', author_id: '42', conversation_id: '1790000000000000001',
      created_at: '2026-11-20T14:03:00.000Z', lang: 'en', referenced_tweets: [{ type: 'replied_to', id: '1790000000000000001' }],
      attachments: { media_keys: ['3_1', '7_2'] },
    },
    { id: '1790000000000000003', text: '@AcmeHelp hello', author_id: '99' },
  ],
  includes: {
    users: [{ id: '42', username: 'jane_doe', name: 'Jane', verified: true, public_metrics: { followers_count: 1200 } }],
    media: [{ media_key: '3_1', type: 'photo', url: 'https://pbs.twimg.com/media/a.jpg', alt_text: 'a torn parcel' }, { media_key: '7_2', type: 'video', preview_image_url: 'https://pbs.twimg.com/ext_tw_video_thumb/b.jpg' }],
  },
  meta: { result_count: 2, newest_id: '1790000000000000003', oldest_id: '1790000000000000002' },
};

describe('X payloads to normalized messages', () => {
  const includes = new PageIncludes(mentionsPage.includes);

  it('maps a reply with expansions: thread, replied-to post, author metrics, language, attachments', () => {
    expect(tweetToMessage(mentionsPage.data![0]!, includes, BRAND)).toEqual({
      id: 'x:1790000000000000002', platform: 'x', channel: 'public', text: '@AcmeHelp still waiting for my refund', lang: 'en',
      createdAt: '2026-11-20T14:03:00.000Z', threadId: '1790000000000000001', inReplyTo: '1790000000000000001',
      author: { id: '42', handle: 'jane_doe', name: 'Jane', followers: 1200, verified: true },
      attachments: [{ type: 'photo', url: 'https://pbs.twimg.com/media/a.jpg', altText: 'a torn parcel' }, { type: 'video', previewUrl: 'https://pbs.twimg.com/ext_tw_video_thumb/b.jpg' }], kind: 'reply',
    });
  });

  it('keeps only the id of a deleted or withheld author, and fills missing optional fields', () => {
    const message = tweetToMessage(mentionsPage.data![1]!, includes, BRAND);
    expect(message.author).toEqual({ id: '99' });
    expect(message.threadId).toBe('1790000000000000003'); // a post without conversation_id starts its own thread
    expect(message.createdAt).toBe(snowflakeTime('1790000000000000003'));
    expect(message).not.toHaveProperty('lang');
    expect(message).not.toHaveProperty('inReplyTo');
    expect(message).not.toHaveProperty('attachments');
  });

  it('reads the 2.167 names too (referenced_posts)', () => {
    const renamed = { id: '5', text: 'hi', author_id: '42', referenced_posts: [{ type: 'replied_to', id: '4' }] } as XTweet;
    expect(tweetToMessage(renamed, includes, BRAND).inReplyTo).toBe('4');
  });

  it('maps a DM event by its conversation', () => {
    const event: XDmEvent = { id: '1790000000000000010', event_type: 'MessageCreate', text: 'my order number is 123456', sender_id: '42', dm_conversation_id: '42-1000', created_at: '2026-11-20T15:00:00.000Z' };
    expect(dmEventToMessage(event, includes)).toEqual({
      id: 'x:1790000000000000010', platform: 'x', channel: 'dm', text: 'my order number is 123456', createdAt: '2026-11-20T15:00:00.000Z',
      author: { id: '42', handle: 'jane_doe', name: 'Jane', followers: 1200, verified: true }, threadId: '42-1000', kind: 'dm',
    });
  });

  it('derives the time from the snowflake id when created_at is missing (as the simulator makes ids from times)', () => {
    const at = Date.parse('2026-11-20T14:03:07.123Z');
    expect(snowflakeTime(new SnowflakeIds().next(at))).toBe('2026-11-20T14:03:07.123Z');
  });

  it('unescapes X\'s &amp; &lt; &gt; once (a customer who typed "&lt;" keeps it)', () => {
    const tweet: XTweet = { id: '6', text: '@AcmeHelp fish &amp; chips &lt;3 &gt; pizza, literally &amp;lt;', author_id: '42' };
    expect(tweetToMessage(tweet, includes, BRAND).text).toBe('@AcmeHelp fish & chips <3 > pizza, literally &lt;');
    const dm: XDmEvent = { id: '7', text: 'A &amp; B', sender_id: '42' };
    expect(dmEventToMessage(dm, includes).text).toBe('A & B');
  });

  it('takes the whole text of a long post from note_tweet, with its links and the muted leading mentions', () => {
    const long = `@AcmeHelp @bob ${'very long complaint '.repeat(20)}see https://t.co/abc`;
    const urlStart = [...long].length - 'https://t.co/abc'.length;
    const tweet: XTweet = {
      id: '8', author_id: '42', text: long.slice(0, 270) + '…', display_text_range: [15, 271],
      note_tweet: { text: long, entities: { urls: [{ start: urlStart, end: urlStart + 16, url: 'https://t.co/abc', expanded_url: 'https://acme.example/orders/1', display_url: 'acme.example/orders/1' }], mentions: [{ start: 0, end: 9, username: 'AcmeHelp', id: BRAND }, { start: 10, end: 14, username: 'bob', id: '7' }] } },
    };
    const message = tweetToMessage(tweet, includes, BRAND);
    expect(message.text).toBe(long);
    expect(message.links).toEqual([{ start: long.length - 16, end: long.length, url: 'https://t.co/abc', expandedUrl: 'https://acme.example/orders/1', displayUrl: 'acme.example/orders/1' }]);
    expect(message.text.slice(0, message.mutedPrefixLength as number)).toBe('@AcmeHelp @bob ');
  });

  it('counts entity offsets in code points, so an emoji before a link keeps the link in place', () => {
    const text = '@AcmeHelp 😡 https://t.co/x1';
    const tweet: XTweet = { id: '9', author_id: '42', text, entities: { urls: [{ start: 12, end: 27, url: 'https://t.co/x1', expanded_url: 'https://acme.example' }], mentions: [{ start: 0, end: 9, username: 'AcmeHelp', id: BRAND }] } };
    const message = tweetToMessage(tweet, includes, BRAND);
    const link = (message.links as Array<{ start: number; end: number }>)[0]!;
    expect(text.slice(link.start, link.end)).toBe('https://t.co/x1');
    expect(message.mutedPrefixLength).toBe('@AcmeHelp '.length);
  });

  it('places links after an escaped & whether X counted the escaped text (as it sends it) or the unescaped one', () => {
    const raw = '@AcmeHelp fish &amp; chips &lt;3 https://t.co/ab';
    const onEscaped = { start: [...raw].indexOf('h', 30), end: [...raw].length };
    const plain = '@AcmeHelp fish & chips <3 https://t.co/ab';
    const onPlain = { start: plain.indexOf('https'), end: plain.length };
    for (const offsets of [onEscaped, onPlain]) {
      const tweet: XTweet = { id: '11', author_id: '42', text: raw, entities: { urls: [{ ...offsets, url: 'https://t.co/ab', expanded_url: 'https://acme.example' }], mentions: [{ start: 0, end: 9, username: 'AcmeHelp', id: BRAND }] } };
      const message = tweetToMessage(tweet, includes, BRAND);
      const link = (message.links as Array<{ start: number; end: number }>)[0]!;
      expect(message.text).toBe(plain);
      expect(message.text.slice(link.start, link.end)).toBe('https://t.co/ab');
    }
  });

  it('does not mute a leading mention of someone else', () => {
    const tweet: XTweet = { id: '10', author_id: '42', text: '@bob look at this @AcmeHelp', entities: { mentions: [{ start: 0, end: 4, username: 'bob', id: '7' }, { start: 18, end: 27, username: 'AcmeHelp', id: BRAND }] } };
    expect(tweetToMessage(tweet, includes, BRAND)).not.toHaveProperty('mutedPrefixLength');
  });

  it('sets kind and whom the post answers: in_reply_to_user_id, else the referenced post\'s author', () => {
    const withAuthors = new PageIncludes({ ...mentionsPage.includes, tweets: [{ id: '20', text: 'original', author_id: '555' }] });
    const quote: XTweet = { id: '21', text: 'look @AcmeHelp', author_id: '42', referenced_tweets: [{ type: 'quoted', id: '20' }] };
    const repost: XTweet = { id: '22', text: 'RT @x: original', author_id: '42', referenced_tweets: [{ type: 'retweeted', id: '20' }] };
    const reply: XTweet = { id: '23', text: '@AcmeHelp hi', author_id: '42', in_reply_to_user_id: BRAND, referenced_tweets: [{ type: 'replied_to', id: '20' }] };
    expect(tweetToMessage(quote, withAuthors, BRAND)).toMatchObject({ kind: 'quote', inReplyToAuthorId: '555' });
    expect(tweetToMessage(repost, withAuthors, BRAND)).toMatchObject({ kind: 'repost', inReplyToAuthorId: '555' });
    expect(tweetToMessage(reply, withAuthors, BRAND)).toMatchObject({ kind: 'reply', inReplyToAuthorId: BRAND, inReplyTo: '20' });
    expect(tweetToMessage({ id: '24', text: '@AcmeHelp hi', author_id: '42' }, withAuthors, BRAND).kind).toBe('post');
  });

  it('keys an edited post by its first version, so the edit updates that message', () => {
    const edited: XTweet = { id: '31', text: '@AcmeHelp order 12 (edited)', author_id: '42', created_at: '2026-11-20T14:05:00.000Z', edit_history_tweet_ids: ['30', '31'] };
    expect(tweetToMessage(edited, includes, BRAND)).toMatchObject({ id: 'x:30', text: '@AcmeHelp order 12 (edited)', latestVersionId: '31', editedAt: '2026-11-20T14:05:00.000Z' });
    expect(tweetToMessage({ ...edited, id: '30', edit_history_tweet_ids: ['30'] }, includes, BRAND)).not.toHaveProperty('latestVersionId');
  });

  it('keeps verified_type on the author', () => {
    const withType = new PageIncludes({ users: [{ id: '42', username: 'biz', verified: true, verified_type: 'business' }] });
    expect(tweetToMessage({ id: '40', text: 'hi', author_id: '42' }, withType, BRAND).author).toEqual({ id: '42', handle: 'biz', verified: true, verifiedType: 'business' });
  });
});
