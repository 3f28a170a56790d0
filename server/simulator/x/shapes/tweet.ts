/** Presents a post as an X API v2 Tweet object, with only the fields the request asked for. */
import type { SimTweet } from '../model.js';

/** X escapes &, < and > in post and DM text; entity offsets count code points of the text as sent (escaped). */
export function escapeXText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where code point `position` of the unescaped text lands in the escaped text (each & adds 4, each < or > adds 3). */
function escapedPosition(codePoints: readonly string[], position: number): number {
  let shift = 0;
  for (let i = 0; i < Math.min(position, codePoints.length); i++) {
    if (codePoints[i] === '&') shift += 4;
    else if (codePoints[i] === '<' || codePoints[i] === '>') shift += 3;
  }
  return position + shift;
}

/** X's Tweet object for `tweet`; id, text and edit_history_tweet_ids are always present, as on X. */
export function presentTweet(tweet: SimTweet, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = { id: tweet.id, text: escapeXText(tweet.text), edit_history_tweet_ids: tweet.editHistory ?? [tweet.id] };
  if (fields.has('author_id')) out.author_id = tweet.authorId;
  if (fields.has('conversation_id')) out.conversation_id = tweet.conversationId;
  if (fields.has('created_at')) out.created_at = new Date(tweet.createdAt).toISOString();
  if (fields.has('lang')) out.lang = tweet.lang;
  if (fields.has('in_reply_to_user_id') && tweet.inReplyToUserId) out.in_reply_to_user_id = tweet.inReplyToUserId;
  const references = referencesOf(tweet);
  if (fields.has('referenced_tweets') && references.length > 0) out.referenced_tweets = references;
  if (fields.has('attachments') && tweet.mediaKeys) out.attachments = { media_keys: tweet.mediaKeys };
  if (fields.has('entities')) {
    const entities = entitiesOf(tweet, [...tweet.text].length);
    if (entities) out.entities = entities;
  }
  if (fields.has('note_tweet') && tweet.noteText) {
    const entities = entitiesOf(tweet, Infinity);
    out.note_tweet = { text: escapeXText(tweet.noteText), ...(entities ? { entities } : {}) };
  }
  if (fields.has('display_text_range')) {
    const shown = [...tweet.text];
    out.display_text_range = [escapedPosition(shown, displayStart(tweet)), escapedPosition(shown, shown.length)];
  }
  if (fields.has('possibly_sensitive')) out.possibly_sensitive = false;
  if (fields.has('reply_settings')) out.reply_settings = 'everyone';
  if (fields.has('public_metrics')) out.public_metrics = publicMetrics(tweet);
  if (fields.has('edit_controls')) {
    out.edit_controls = { edits_remaining: 5 - ((tweet.editHistory?.length ?? 1) - 1), is_edit_eligible: !tweet.repostOfId, editable_until: new Date(tweet.createdAt + 3600_000).toISOString() };
  }
  return out;
}

/** The posts this one answers, quotes or reposts, as referenced_tweets. */
export function referencesOf(tweet: SimTweet): Array<{ type: string; id: string }> {
  return [
    ...(tweet.repliedToId ? [{ type: 'replied_to', id: tweet.repliedToId }] : []),
    ...(tweet.quotedId ? [{ type: 'quoted', id: tweet.quotedId }] : []),
    ...(tweet.repostOfId ? [{ type: 'retweeted', id: tweet.repostOfId }] : []),
  ];
}

/** Mentions and links that fall within the first `limit` code points (the 280 of `text`, or all of note_tweet). */
function entitiesOf(tweet: SimTweet, limit: number): Record<string, unknown> | undefined {
  const full = [...(tweet.noteText ?? tweet.text)];
  const at = (position: number) => escapedPosition(full, position);
  const mentions = tweet.mentions.filter((mention) => mention.end <= limit).map((mention) => presentMention({ ...mention, start: at(mention.start), end: at(mention.end) }));
  const urls = (tweet.urls ?? []).filter((url) => url.end <= limit).map((url) => ({ start: at(url.start), end: at(url.end), url: url.url, expanded_url: url.expandedUrl, display_url: url.displayUrl }));
  if (mentions.length === 0 && urls.length === 0) return undefined;
  return { ...(mentions.length ? { mentions } : {}), ...(urls.length ? { urls } : {}) };
}

/** A reply's leading @mentions are not part of the displayed text (display_text_range starts after them). */
function displayStart(tweet: SimTweet): number {
  if (!tweet.repliedToId) return 0;
  const codePoints = [...tweet.text];
  let end = 0;
  for (const mention of [...tweet.mentions].sort((a, b) => a.start - b.start)) {
    if (codePoints.slice(end, mention.start).join('').trim() !== '') break;
    end = mention.end;
  }
  while (end < codePoints.length && /\s/.test(codePoints[end]!)) end++;
  return Math.min(end, codePoints.length);
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
