/** The parts of X API v2 payloads the connector reads (OpenAPI 2.159 names, with 2.167's renames). */

export interface XUser {
  id: string;
  username?: string;
  name?: string;
  verified?: boolean;
  public_metrics?: { followers_count?: number };
}

export interface XReference {
  type: string;
  id: string;
}

export interface XTweet {
  id: string;
  text: string;
  author_id?: string;
  conversation_id?: string;
  created_at?: string;
  lang?: string;
  referenced_tweets?: XReference[];
  /** 2.167's name for referenced_tweets. */
  referenced_posts?: XReference[];
  attachments?: { media_keys?: string[] };
}

export interface XMedia {
  media_key: string;
  type?: string;
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
}

export interface XPage<T> {
  data?: T[];
  includes?: XIncludes;
  meta?: { result_count?: number; newest_id?: string; oldest_id?: string; next_token?: string };
  errors?: Array<{ title?: string; detail?: string; type?: string }>;
}
