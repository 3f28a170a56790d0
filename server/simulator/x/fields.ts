/** Field and expansion names X API v2 accepts (OpenAPI 2.159), used to answer bad ones with X's 400. */

/** Accepted `tweet.fields` values. */
export const TWEET_FIELDS = [
  'article', 'attachments', 'author_id', 'card_uri', 'community_id', 'context_annotations', 'conversation_id',
  'created_at', 'display_text_range', 'edit_controls', 'edit_history_tweet_ids', 'entities', 'geo', 'id',
  'in_reply_to_user_id', 'lang', 'media_metadata', 'non_public_metrics', 'note_tweet', 'organic_metrics',
  'possibly_sensitive', 'promoted_metrics', 'public_metrics', 'referenced_tweets', 'reply_settings', 'scopes',
  'source', 'suggested_source_links', 'suggested_source_links_with_counts', 'text', 'withheld',
] as const;

/** Accepted `expansions` on post endpoints. */
export const TWEET_EXPANSIONS = [
  'article.cover_media', 'article.media_entities', 'attachments.media_keys', 'attachments.media_source_tweet',
  'attachments.poll_ids', 'author_id', 'edit_history_tweet_ids', 'entities.mentions.username', 'geo.place_id',
  'in_reply_to_user_id', 'entities.note.mentions.username', 'referenced_tweets.id',
  'referenced_tweets.id.attachments.media_keys', 'referenced_tweets.id.author_id',
] as const;

/** Accepted `user.fields` values. */
export const USER_FIELDS = [
  'affiliation', 'confirmed_email', 'connection_status', 'created_at', 'description', 'entities', 'id',
  'is_identity_verified', 'location', 'most_recent_tweet_id', 'name', 'parody', 'pinned_tweet_id',
  'profile_banner_url', 'profile_image_url', 'protected', 'public_metrics', 'receives_your_dm', 'subscription',
  'subscription_type', 'url', 'username', 'verified', 'verified_followers_count', 'verified_type', 'withheld',
] as const;

/** Accepted `media.fields` values. */
export const MEDIA_FIELDS = [
  'alt_text', 'duration_ms', 'height', 'media_key', 'non_public_metrics', 'organic_metrics', 'preview_image_url',
  'promoted_metrics', 'public_metrics', 'type', 'url', 'variants', 'width',
] as const;

/** Accepted `poll.fields` values. */
export const POLL_FIELDS = ['duration_minutes', 'end_datetime', 'id', 'options', 'voting_status'] as const;

/** Accepted `place.fields` values. */
export const PLACE_FIELDS = [
  'contained_within', 'country', 'country_code', 'full_name', 'geo', 'id', 'name', 'place_type',
] as const;

/** Accepted `dm_event.fields` values. */
export const DM_EVENT_FIELDS = [
  'attachments', 'created_at', 'dm_conversation_id', 'entities', 'event_type', 'id', 'participant_ids',
  'referenced_tweets', 'sender_id', 'text',
] as const;

/** Accepted `expansions` on DM event endpoints. */
export const DM_EVENT_EXPANSIONS = ['attachments.media_keys', 'participant_ids', 'referenced_tweets.id', 'sender_id'] as const;

/** Accepted `event_types` values. */
export const DM_EVENT_TYPES = ['MessageCreate', 'ParticipantsJoin', 'ParticipantsLeave'] as const;

/** What a request asked to see: fields per object type and expansions, as sets. */
export interface FieldSelection {
  tweet: ReadonlySet<string>;
  user: ReadonlySet<string>;
  media: ReadonlySet<string>;
  dmEvent: ReadonlySet<string>;
  expansions: ReadonlySet<string>;
}

/** Reads the field and expansion parameters of a checked query into a selection. */
export function selectionFrom(query: { set(name: string): Set<string> }): FieldSelection {
  return {
    tweet: query.set('tweet.fields'),
    user: query.set('user.fields'),
    media: query.set('media.fields'),
    dmEvent: query.set('dm_event.fields'),
    expansions: query.set('expansions'),
  };
}
