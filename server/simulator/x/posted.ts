/** What our side posted through the simulator: replies and DMs, for inspection by tests and demos. */

/** A post created through POST /2/tweets. */
export interface PostedTweet {
  id: string;
  text: string;
  inReplyToTweetId?: string;
  /** The customer the reply answers, when it is a reply. */
  inReplyToUserId?: string;
  conversationId: string;
  createdAt: string;
}

/** A DM sent through POST /2/dm_conversations/with/:participant_id/messages. */
export interface SentDm {
  dmEventId: string;
  dmConversationId: string;
  participantId: string;
  text: string;
  createdAt: string;
}

/** Append-only record of our side's writes. */
export class PostedLog {
  readonly tweets: PostedTweet[] = [];
  readonly dms: SentDm[] = [];

  /** Records a created post. */
  recordTweet(tweet: PostedTweet): void {
    this.tweets.push(tweet);
  }

  /** Records a sent DM. */
  recordDm(dm: SentDm): void {
    this.dms.push(dm);
  }

  /** True when the same text was posted at or after `sinceMs` (X refuses duplicate posts). */
  postedSameTextSince(text: string, sinceMs: number): boolean {
    return this.tweets.some((tweet) => tweet.text === text && Date.parse(tweet.createdAt) >= sinceMs);
  }

  /** Forgets everything posted. */
  clear(): void {
    this.tweets.length = 0;
    this.dms.length = 0;
  }
}
