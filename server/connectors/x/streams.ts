import { ApiResponseError } from 'twitter-api-v2';
import type { StreamPage } from '../pageRun.js';
import { dmEventToMessage, PageIncludes, tweetToMessage } from './mapping.js';
import type { XDmEvent, XPage, XTweet } from './payloads.js';
import type { RetryCounters } from './retry.js';
import type { XApi } from './xApi.js';

// note_tweet: long posts whole; entities and display_text_range: links expanded, leading mentions muted; edit_history_tweet_ids: edits update their message.
const TWEET_FIELDS = 'author_id,conversation_id,created_at,lang,referenced_tweets,attachments,in_reply_to_user_id,note_tweet,entities,display_text_range,edit_history_tweet_ids';
const USER_FIELDS = 'username,name,verified,verified_type,public_metrics';
// referenced_tweets.id.author_id: whom a reply, quote or repost answers when in_reply_to_user_id is absent.
/** What the inbox shows of an attachment: its kind, address (photos), preview (videos, GIFs) and the customer's description. */
const MEDIA_FIELDS = 'type,url,preview_image_url,alt_text';
const TWEET_EXPANSIONS = 'author_id,attachments.media_keys,referenced_tweets.id,referenced_tweets.id.author_id';

const TWITTER_EPOCH_MS = 1288834974657n;

/** The smallest snowflake id of a post created at `epochMs` (ids below it are older). */
export function snowflakeAt(epochMs: number): string {
  return ((BigInt(Math.max(epochMs, Number(TWITTER_EPOCH_MS))) - TWITTER_EPOCH_MS) << 22n).toString();
}

/** An id `lookbackMs` older than `sinceId`: X indexes some mentions late, with ids below what was already read. */
export function lookBehind(sinceId: string | undefined, lookbackMs: number): string | undefined {
  if (sinceId === undefined || lookbackMs <= 0) return sinceId;
  const time = Number((BigInt(sinceId) >> 22n) + TWITTER_EPOCH_MS);
  const earlier = snowflakeAt(time - lookbackMs);
  return BigInt(earlier) > 0n ? earlier : undefined;
}

/** One page of the brand account's mentions newer than sinceId (already moved back by the caller when re-reading late ones). */
export async function fetchMentionsPage(api: XApi, accountId: string, sinceId: string | undefined, token: string | undefined, counters: RetryCounters): Promise<StreamPage> {
  const page = await api.get<XPage<XTweet>>('mentions', `users/${accountId}/mentions`, {
    since_id: sinceId,
    pagination_token: token,
    max_results: 100,
    'tweet.fields': TWEET_FIELDS,
    expansions: TWEET_EXPANSIONS,
    'user.fields': USER_FIELDS,
    'media.fields': MEDIA_FIELDS,
  }, counters);
  const includes = new PageIncludes(page.includes);
  const tweets = page.data ?? [];
  return {
    messages: tweets.map((tweet) => tweetToMessage(tweet, includes, accountId)),
    newestId: maxId(tweets.map((tweet) => tweet.id)) ?? page.meta?.newest_id,
    nextToken: page.meta?.next_token,
  };
}

/**
 * Page sizes of one DM poll. GET /2/dm_events has no since_id, so each poll
 * returns the newest events whether they are new or not, and pay-per-use
 * bills every event returned: a poll asks for the newest one first, and
 * pages on with growing pages only while what it reads is new. (A first run,
 * with nothing stored, reads 100 at a time.)
 */
export const DM_PAGE_SIZES = [1, 5, 25, 100] as const;

/** The size of a DM run's `pageIndex`-th page. */
export function dmPageSize(sinceId: string | undefined, pageIndex: number): number {
  return sinceId === undefined ? 100 : DM_PAGE_SIZES[Math.min(pageIndex, DM_PAGE_SIZES.length - 1)]!;
}

/** One page of DM events (newest first); items at or below sinceId were stored before and end the run. */
export async function fetchDmPage(api: XApi, sinceId: string | undefined, token: string | undefined, counters: RetryCounters, pageSize = 100): Promise<StreamPage> {
  const page = await api.get<XPage<XDmEvent>>('dmEvents', 'dm_events', {
    pagination_token: token,
    max_results: pageSize,
    event_types: 'MessageCreate',
    'dm_event.fields': 'id,event_type,text,sender_id,dm_conversation_id,created_at,attachments',
    expansions: 'sender_id,attachments.media_keys',
    'user.fields': USER_FIELDS,
    'media.fields': MEDIA_FIELDS,
  }, counters);
  const includes = new PageIncludes(page.includes);
  const events = (page.data ?? []).filter((event) => (event.event_type ?? 'MessageCreate') === 'MessageCreate');
  const fresh = sinceId === undefined ? events : events.filter((event) => BigInt(event.id) > BigInt(sinceId));
  return {
    messages: fresh.map((event) => dmEventToMessage(event, includes)),
    newestId: maxId(fresh.map((event) => event.id)),
    nextToken: page.meta?.next_token,
    reachedKnown: fresh.length < events.length,
  };
}

/** X answers 400 to a pagination token it no longer accepts. */
export function isStaleToken(error: unknown): boolean {
  return error instanceof ApiResponseError && error.code === 400;
}

function maxId(ids: string[]): string | undefined {
  let newest: bigint | undefined;
  for (const id of ids) if (newest === undefined || BigInt(id) > newest) newest = BigInt(id);
  return newest?.toString();
}
