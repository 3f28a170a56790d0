/** POST /2/tweets — our side posts (usually a reply); the post joins the world as the brand's. */
import { checkTweetCreateBody } from '../bodies.js';
import { forbidden, invalidRequest } from '../errors.js';
import type { RouteHandler } from '../pipeline.js';
import type { RouteDeps } from './deps.js';
import { escapeXText } from '../shapes/tweet.js';

const MAX_TWEET_LENGTH = 280;
const DUPLICATE_WINDOW_MS = 24 * 3600_000;

/** Builds the create-post route. */
export function createTweetRoute({ world, posted, clock, settings }: RouteDeps): RouteHandler {
  return (req) => {
    const checked = checkTweetCreateBody(req.body);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { text, reply } = checked.body;
    if (text === undefined || text.trim() === '') {
      return { problem: invalidRequest([{ message: '$.text: is missing but it is required' }]) };
    }
    if ([...text].length > MAX_TWEET_LENGTH) return { problem: forbidden('Your Tweet text is too long.') };
    const replyTo = reply ? world.tweets.get(reply.in_reply_to_tweet_id) : undefined;
    if (reply && !replyTo) {
      return { problem: forbidden('You attempted to reply to a Tweet that is deleted or not visible to you.') };
    }
    const now = clock();
    if (settings.duplicateTweetCheck && posted.postedSameTextSince(text, now - DUPLICATE_WINDOW_MS)) {
      return { problem: forbidden('You are not allowed to create a Tweet with duplicate content.') };
    }

    const tweet = world.addTweet({ text, authorId: world.brand.id, createdAt: now, ...(replyTo ? { replyTo } : {}), ...(settings.ownPostsIndexDelayMs > 0 ? { indexedAt: now + settings.ownPostsIndexDelayMs } : {}) });
    posted.recordTweet({
      id: tweet.id,
      text: tweet.text,
      conversationId: tweet.conversationId,
      createdAt: new Date(now).toISOString(),
      ...(replyTo ? { inReplyToTweetId: replyTo.id, inReplyToUserId: replyTo.authorId } : {}),
    });
    return { status: 201, body: { data: { id: tweet.id, text: escapeXText(tweet.text) } } };
  };
}
