/** GET /2/users/:id/mentions — the brand's mentions timeline, newest first, paged like X. */
import { MEDIA_FIELDS, PLACE_FIELDS, POLL_FIELDS, TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS, selectionFrom } from '../fields.js';
import { isSnowflake } from '../ids.js';
import { invalidRequest } from '../errors.js';
import { newestFirstPage } from '../paging.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery, type QuerySpec } from '../query.js';
import { tweetIncludes } from '../shapes/includes.js';
import { presentTweet } from '../shapes/tweet.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom, sentPage } from './pages.js';

const MENTIONS_QUERY: QuerySpec = {
  since_id: { kind: 'snowflake' },
  until_id: { kind: 'snowflake' },
  max_results: { kind: 'int', min: 5, max: 100 },
  pagination_token: { kind: 'token' },
  start_time: { kind: 'datetime' },
  end_time: { kind: 'datetime' },
  'tweet.fields': { kind: 'list', allowed: TWEET_FIELDS },
  expansions: { kind: 'list', allowed: TWEET_EXPANSIONS },
  'media.fields': { kind: 'list', allowed: MEDIA_FIELDS },
  'poll.fields': { kind: 'list', allowed: POLL_FIELDS },
  'user.fields': { kind: 'list', allowed: USER_FIELDS },
  'place.fields': { kind: 'list', allowed: PLACE_FIELDS },
};

/** Builds the mentions route over the world's mentions timeline. */
export function mentionsRoute({ world, settings }: RouteDeps): RouteHandler {
  return (req, { pageFault }) => {
    const userId = String(req.params.id);
    if (!isSnowflake(userId)) {
      return { problem: invalidRequest([{ parameters: { id: [userId] }, message: `The \`id\` query parameter value [${userId}] does not match ^[0-9]{1,19}$` }]) };
    }
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, MENTIONS_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { query } = checked;
    const cursor = cursorFrom(query);
    if ('problem' in cursor) return cursor;

    const startMs = Date.parse(query.string('start_time') ?? '');
    const endMs = Date.parse(query.string('end_time') ?? '');
    let timeline = userId === world.brand.id ? world.mentions.slice(-settings.mentionsTimelineCap) : [];
    if (!Number.isNaN(startMs) || !Number.isNaN(endMs)) {
      timeline = timeline.filter((tweet) => !(tweet.createdAt < startMs) && !(tweet.createdAt > endMs));
    }
    const page = newestFirstPage(timeline, {
      maxResults: query.int('max_results', 10),
      sinceId: query.string('since_id'),
      untilId: query.string('until_id'),
      beforeId: cursor.beforeId,
    });
    if (page.items.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };

    const { items, newestFirstIds: ids, nextToken } = sentPage(page, pageFault);
    const selection = selectionFrom(query);
    const includes = tweetIncludes(world, items, selection);
    return {
      status: 200,
      body: {
        data: items.map((tweet) => presentTweet(tweet, selection.tweet)),
        ...(includes ? { includes } : {}),
        meta: {
          result_count: items.length,
          newest_id: ids[0],
          oldest_id: ids[ids.length - 1],
          ...(nextToken ? { next_token: nextToken } : {}),
        },
      },
    };
  };
}
