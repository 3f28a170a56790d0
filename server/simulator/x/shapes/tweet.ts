/** Presents a post as an X API v2 Tweet object, with only the fields the request asked for. */
import type { SimTweet } from '../model.js';

/** X's Tweet object for `tweet`; id, text and edit_history_tweet_ids are always present, as on X. */
export function presentTweet(tweet: SimTweet, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: tweet.id, text: tweet.text, edit_history_tweet_ids: [tweet.id] };
  if (fields.has('author_id')) out.author_id = tweet.authorId;
  if (fields.has('conversation_id')) out.conversation_id = tweet.conversationId;
  if (fields.has('created_at')) out.created_at = new Date(tweet.createdAt).toISOString();
  if (fields.has('lang')) out.lang = tweet.lang;
  if (fields.has('in_reply_to_user_id') && tweet.inReplyToUserId) out.in_reply_to_user_id = tweet.inReplyToUserId;
  if (fields.has('referenced_tweets') && tweet.repliedToId) out.referenced_tweets = [{ type: 'replied_to', id: tweet.repliedToId }];
  if (fields.has('attachments') && tweet.mediaKeys) out.attachments = { media_keys: tweet.mediaKeys };
  if (fields.has('entities') && tweet.mentions.length > 0) out.entities = { mentions: tweet.mentions.map(presentMention) };
  if (fields.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (fields.has('reply_settings')) out.reply_settings = 'everyone';
  if (fields.has('public_metrics')) out.public_metrics = publicMetrics(tweet);
  if (fields.has('edit_controls')) {
    out.edit_controls = { edits_remaining: 5, is_edit_eligible: false, editable_until: new Date(tweet.createdAt + 3600_000).toISOString() };
  }
  return out;
}

function presentMention(mention: SimTweet['mentions'][number]): Record<string, unknown> {
  return { start: mention.start, end: mention.end, username: mention.username, ...(mention.id ? { id: mention.id } : {}) };
}

/** Small engagement numbers derived from the id, so they are stable across requests. */
function publicMetrics(tweet: SimTweet): Record<string, number> {
  const digit = (position: number) => Number(tweet.id[tweet.id.length - position] ?? '0');
  return {
    retweet_count: digit(2) > 7 ? 1 : 0,
    reply_count: 0,
    like_count: digit(3) % 4,
    quote_count: 0,
    bookmark_count: 0,
    impression_count: 20 + digit(4) * 13 + digit(5),
  };
}
