/** The simulator's own records of users, posts and DM events (presented in X's shapes by shapes/). */

/** An X account known to the simulator. */
export interface SimUser {
  id: string;
  username: string;
  name: string;
  followersCount: number;
  followingCount: number;
  tweetCount: number;
  listedCount: number;
  verified: boolean;
  /** X's verified_type (blue, business, government, none); derived from `verified` when absent. */
  verifiedType?: 'blue' | 'business' | 'government' | 'none';
  createdAt: number;
  description: string;
  location?: string;
}

/** A post: a customer's mention, a brand reply from the dataset, or a reply our side posted. */
export interface SimTweet {
  id: string;
  text: string;
  authorId: string;
  createdAt: number;
  conversationId: string;
  lang: string;
  inReplyToUserId?: string;
  repliedToId?: string;
  /** The post this one quotes. */
  quotedId?: string;
  /** The post this one reposts (its text is "RT @author: …"). */
  repostOfId?: string;
  /** The whole text of a post longer than 280 characters (X's note_tweet); `text` then holds its first 280. */
  noteText?: string;
  /** Links in the text (code-point offsets into the full text): the t.co address shown and what it stands for. */
  urls?: SimUrl[];
  /** Every version's id, oldest first, once the post was edited (X's edit_history_tweet_ids). */
  editHistory?: string[];
  /** When X indexed the post into the mentions timeline, when later than createdAt (late-indexed mentions). */
  indexedAt?: number;
  mediaKeys?: string[];
  /** Ids of the accounts @mentioned in the text, with their handles, in order of appearance. */
  mentions: Array<{ username: string; id?: string; start: number; end: number }>;
  /** True when the text mentions the brand, so it belongs in the brand's mentions timeline. */
  mentionsBrand: boolean;
}

/** A link X shortened: offsets in code points of the full text, end exclusive. */
export interface SimUrl {
  start: number;
  end: number;
  url: string;
  expandedUrl: string;
  displayUrl: string;
}

/** A direct message (X's MessageCreate event). */
export interface SimDmEvent {
  id: string;
  text: string;
  senderId: string;
  recipientId: string;
  conversationId: string;
  createdAt: number;
}

/** A photo attached to a post. */
export interface SimMedia {
  mediaKey: string;
  url: string;
  width: number;
  height: number;
}

/** Description of a customer for addMention/addDm; missing parts are made up. */
export interface UserSpec {
  id?: string;
  username?: string;
  name?: string;
  followersCount?: number;
  verified?: boolean;
}
