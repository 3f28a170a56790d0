/** GET /2/users/:id/tweets — an account's own posts, newest first (the connector reads the brand's to settle replies whose answer was lost). */
import { invalidRequest } from '../errors.js';
import { newestFirstPage } from '../paging.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery, type QuerySpec } from '../query.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom } from './pages.js';
import { badPathId, POST_TIMELINE_QUERY, postsBody, withinTimes } from './timelines.js';

const USER_TWEETS_QUERY: QuerySpec = { ...POST_TIMELINE_QUERY, exclude: { kind: 'list', allowed: ['replies', 'retweets'] } };

/** Builds the user timeline route. */
export function userTweetsRoute({ world, clock }: RouteDeps): RouteHandler {
  return (req, { pageFault }) => {
    const userId = String(req.params.id);
    const badId = badPathId('id', userId);
    if (badId) return badId;
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, USER_TWEETS_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { query } = checked;
    const cursor = cursorFrom(query);
    if ('problem' in cursor) return cursor;
    const exclude = query.set('exclude');
    const now = clock();
    // Our own new posts may show here late (ownPostsIndexDelayMs), as X's timelines lag.
    const visible = world.postsBy(userId).filter((tweet) =>
      (tweet.indexedAt === undefined || tweet.indexedAt <= now) && !(exclude.has('replies') && tweet.repliedToId) && !(exclude.has('retweets') && tweet.repostOfId));
    const page = newestFirstPage(withinTimes(visible, query), { maxResults: query.int('max_results', 10), sinceId: query.string('since_id'), untilId: query.string('until_id'), beforeId: cursor.beforeId });
    return postsBody(world, page, query, pageFault);
  };
}
