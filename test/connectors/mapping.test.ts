import { describe, expect, it } from 'vitest';
import { dmEventToMessage, PageIncludes, snowflakeTime, tweetToMessage } from '../../server/connectors/x/mapping.js';
import type { XDmEvent, XPage, XTweet } from '../../server/connectors/x/payloads.js';
import { SnowflakeIds } from '../../server/simulator/x/ids.js';

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
    media: [{ media_key: '3_1', type: 'photo' }, { media_key: '7_2', type: 'video' }],
  },
  meta: { result_count: 2, newest_id: '1790000000000000003', oldest_id: '1790000000000000002' },
};

describe('X payloads to normalized messages', () => {
  const includes = new PageIncludes(mentionsPage.includes);

  it('maps a reply with expansions: thread, replied-to post, author metrics, language, attachments', () => {
    expect(tweetToMessage(mentionsPage.data![0]!, includes)).toEqual({
      id: 'x:1790000000000000002', platform: 'x', channel: 'public', text: '@AcmeHelp still waiting for my refund', lang: 'en',
      createdAt: '2026-11-20T14:03:00.000Z', threadId: '1790000000000000001', inReplyTo: '1790000000000000001',
      author: { id: '42', handle: 'jane_doe', name: 'Jane', followers: 1200, verified: true },
      attachments: [{ type: 'photo' }, { type: 'video' }],
    });
  });

  it('keeps only the id of a deleted or withheld author, and fills missing optional fields', () => {
    const message = tweetToMessage(mentionsPage.data![1]!, includes);
    expect(message.author).toEqual({ id: '99' });
    expect(message.threadId).toBe('1790000000000000003'); // a post without conversation_id starts its own thread
    expect(message.createdAt).toBe(snowflakeTime('1790000000000000003'));
    expect(message).not.toHaveProperty('lang');
    expect(message).not.toHaveProperty('inReplyTo');
    expect(message).not.toHaveProperty('attachments');
  });

  it('reads the 2.167 names too (referenced_posts)', () => {
    const renamed = { id: '5', text: 'hi', author_id: '42', referenced_posts: [{ type: 'replied_to', id: '4' }] } as XTweet;
    expect(tweetToMessage(renamed, includes).inReplyTo).toBe('4');
  });

  it('maps a DM event by its conversation', () => {
    const event: XDmEvent = { id: '1790000000000000010', event_type: 'MessageCreate', text: 'my order number is 123456', sender_id: '42', dm_conversation_id: '42-1000', created_at: '2026-11-20T15:00:00.000Z' };
    expect(dmEventToMessage(event, includes)).toEqual({
      id: 'x:1790000000000000010', platform: 'x', channel: 'dm', text: 'my order number is 123456', createdAt: '2026-11-20T15:00:00.000Z',
      author: { id: '42', handle: 'jane_doe', name: 'Jane', followers: 1200, verified: true }, threadId: '42-1000',
    });
  });

  it('derives the time from the snowflake id when created_at is missing (as the simulator makes ids from times)', () => {
    const at = Date.parse('2026-11-20T14:03:07.123Z');
    expect(snowflakeTime(new SnowflakeIds().next(at))).toBe('2026-11-20T14:03:07.123Z');
  });
});
