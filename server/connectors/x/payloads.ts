/** The parts of X API v2 payloads the connector reads (OpenAPI 2.159 names, with 2.167's renames). */

export interface XUser {
  id: string;
  username?: string;
  name?: string;
  verified?: boolean;
  /** blue, business, government or none. */
  verified_type?: string;
  public_metrics?: { followers_count?: number };
}

export interface XReference {
  /** replied_to, quoted or retweeted. */
  type: string;
  id: string;
}

/** A URL in a post: where it sits (code points, end exclusive) and what it stands for. */
export interface XUrlEntity {
  start: number;
  end: number;
  url: string;
  expanded_url?: string;
  display_url?: string;
}

export interface XMentionEntity {
  start: number;
  end: number;
  username: string;
  id?: string;
}

export interface XEntities {
  urls?: XUrlEntity[];
  mentions?: XMentionEntity[];
}

export interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  conversation_id?: string;
  created_at?: string;
  lang?: string;
  in_reply_to_user_id?: string;
  referenced_tweets?: XReference[];
  /** 2.167's name for referenced_tweets. */
  referenced_posts?: XReference[];
  attachments?: { media_keys?: string[] };
  entities?: XEntities;
  /** The whole text of a post longer than 280 characters (`text` holds its start). */
  note_tweet?: { text: string; entities?: XEntities };
  /** The part of `text` shown as the post (after the leading @mentions of a reply). */
  display_text_range?: [number, number];
  /** Every version's id, oldest first: an edited post's versions share the first id. */
  edit_history_tweet_ids?: string[];
  /** 2.167's name for edit_history_tweet_ids. */
  edit_history_post_ids?: string[];
}

export interface XMedia {
  media_key: string;
  type?: string;
  /** Photos only. */
  url?: string;
  /** Videos and GIFs. */
  preview_image_url?: string;
  alt_text?: string;
}

export interface XDmEvent {
  id: string;
  event_type?: string;
  text?: string;
  sender_id?: string;
  dm_conversation_id?: string;
  created_at?: string;
  attachments?: { media_keys?: string[] };
}

export interface XIncludes {
  users?: XUser[];
  media?: XMedia[];
  tweets?: XTweet[];
  /** 2.167's name for includes.tweets. */
  posts?: XTweet[];
}

export interface XPage<T> {
  data?: T[];
  includes?: XIncludes;
  meta?: { result_count?: number; newest_id?: string; oldest_id?: string; next_token?: string };
  errors?: Array<{ title?: string; detail?: string; type?: string }>;
}
