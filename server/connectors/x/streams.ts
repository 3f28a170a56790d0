import { ApiResponseError } from 'twitter-api-v2';
import type { StreamPage } from '../pageRun.js';
import { dmEventToMessage, PageIncludes, tweetToMessage } from './mapping.js';
import type { XDmEvent, XPage, XTweet } from './payloads.js';
import type { RetryCounters } from './retry.js';
import type { XApi } from './xApi.js';

const TWEET_FIELDS = 'author_id,conversation_id,created_at,lang,referenced_tweets,attachments,in_reply_to_user_id';
const USER_FIELDS = 'username,name,verified,public_metrics';

/** One page of the brand account's mentions newer than sinceId. */
export async function fetchMentionsPage(api: XApi, accountId: string, sinceId: string | undefined, token: string | undefined, counters: RetryCounters): Promise<StreamPage> {
  const page = await api.get<XPage<XTweet>>('mentions', `users/${accountId}/mentions`, {
    since_id: sinceId,
    pagination_token: token,
    max_results: 100,
    'tweet.fields': TWEET_FIELDS,
    expansions: 'author_id,attachments.media_keys',
    'user.fields': USER_FIELDS,
    'media.fields': 'type',
  }, counters);
  const includes = new PageIncludes(page.includes);
  const tweets = page.data ?? [];
  return {
    messages: tweets.map((tweet) => tweetToMessage(tweet, includes)),
    newestId: maxId(tweets.map((tweet) => tweet.id)) ?? page.meta?.newest_id,
    nextToken: page.meta?.next_token,
  };
}

/** One page of DM events (newest first); items at or below sinceId were stored before and end the run. */
export async function fetchDmPage(api: XApi, sinceId: string | undefined, token: string | undefined, counters: RetryCounters): Promise<StreamPage> {
  const page = await api.get<XPage<XDmEvent>>('dmEvents', 'dm_events', {
    pagination_token: token,
    max_results: 100,
    event_types: 'MessageCreate',
    'dm_event.fields': 'id,event_type,text,sender_id,dm_conversation_id,created_at,attachments',
    expansions: 'sender_id,attachments.media_keys',
    'user.fields': USER_FIELDS,
    'media.fields': 'type',
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
