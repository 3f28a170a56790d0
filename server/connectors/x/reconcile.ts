import { unescapeXText } from './text.js';
import { XErrorsWithoutData } from './xErrors.js';
import type { XDmEvent, XPage, XTweet } from './payloads.js';
import type { RetryCounters } from './retry.js';
import type { XApi } from './xApi.js';

// Clocks differ: look a little before the attempt started.
const CLOCK_SLACK_MS = 2 * 60_000;

/**
 * Settles a public reply whose outcome is unknown: the brand's own posts
 * since the attempt, one that answers the same post with the same text.
 * Returns its id, or undefined when X shows no such post.
 */
export async function findPostedReply(api: XApi, accountId: string, reply: { inReplyTo: string; text: string }, since: Date, counters: RetryCounters): Promise<string | undefined> {
  // Only the plainest parameters (no start_time, no exclude): the newest 100 posts reach back far enough, and are filtered here.
  const page = await api.get<XPage<XTweet>>('userTweets', `users/${accountId}/tweets`, {
    max_results: 100,
    'tweet.fields': 'referenced_tweets,created_at,entities,note_tweet',
  }, counters).catch(emptyOnErrorsOnly);
  const earliest = since.getTime() - CLOCK_SLACK_MS;
  const wanted = comparable(reply.text);
  const match = (page.data ?? []).find((tweet) =>
    (tweet.created_at === undefined || Date.parse(tweet.created_at) >= earliest)
    && (tweet.referenced_tweets ?? tweet.referenced_posts ?? []).some((reference) => reference.type === 'replied_to' && reference.id === reply.inReplyTo)
    && comparable(expandedText(tweet)) === wanted);
  return match?.id;
}

/** Settles a DM whose outcome is unknown: the conversation's events since the attempt, one the brand sent with the same text. */
export async function findSentDm(api: XApi, accountId: string, dm: { recipientId: string; text: string }, since: Date, counters: RetryCounters): Promise<string | undefined> {
  const page = await api.get<XPage<XDmEvent>>('dmConversation', `dm_conversations/with/${dm.recipientId}/dm_events`, {
    max_results: 50,
    'dm_event.fields': 'id,text,sender_id,created_at,event_type',
  }, counters).catch(emptyOnErrorsOnly);
  const earliest = since.getTime() - CLOCK_SLACK_MS;
  const wanted = comparable(dm.text);
  const match = (page.data ?? []).find((event) =>
    (event.event_type ?? 'MessageCreate') === 'MessageCreate'
    && event.sender_id === accountId
    && (event.created_at === undefined || Date.parse(event.created_at) >= earliest)
    && comparable(unescapeXText(event.text ?? '')) === wanted);
  return match?.id;
}

/** A 200 with errors and no data here means "none found" (an empty timeline answers with no data either). */
function emptyOnErrorsOnly(error: unknown): XPage<never> {
  if (error instanceof XErrorsWithoutData) return {};
  throw error;
}

/** The post's text as we sent it: long posts whole, t.co links back to what we wrote, entities unescaped. */
function expandedText(tweet: XTweet): string {
  const text = tweet.note_tweet?.text ?? tweet.text;
  const urls = tweet.note_tweet?.entities?.urls ?? tweet.entities?.urls ?? [];
  return urls.reduce((result, url) => (url.expanded_url ? result.split(url.url).join(url.expanded_url) : result), unescapeXText(text));
}

/** X trims and may normalise spaces; compare what a reader sees. */
function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
