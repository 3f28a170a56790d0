/** GET /2/users/:id/mentions — the brand's mentions timeline, newest first, paged like X. */
import { PLACE_FIELDS, POLL_FIELDS } from '../fields.js';
import { invalidRequest } from '../errors.js';
import { newestFirstPage } from '../paging.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery, type QuerySpec } from '../query.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom } from './pages.js';
import { badPathId, POST_TIMELINE_QUERY, postsBody, withinTimes } from './timelines.js';

const MENTIONS_QUERY: QuerySpec = {
  ...POST_TIMELINE_QUERY,
  'poll.fields': { kind: 'list', allowed: POLL_FIELDS },
  'place.fields': { kind: 'list', allowed: PLACE_FIELDS },
};

/** Builds the mentions route over the world's mentions timeline. */
export function mentionsRoute({ world, settings, clock }: RouteDeps): RouteHandler {
  return (req, { pageFault }) => {
    const userId = String(req.params.id);
    const badId = badPathId('id', userId);
    if (badId) return badId;
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, MENTIONS_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { query } = checked;
    const cursor = cursorFrom(query);
    if ('problem' in cursor) return cursor;

    // Late-indexed mentions reach the timeline only at indexedAt, below ids already read.
    const now = clock();
    const indexed = userId === world.brand.id ? world.mentions.filter((tweet) => tweet.indexedAt === undefined || tweet.indexedAt <= now).slice(-settings.mentionsTimelineCap) : [];
    const page = newestFirstPage(withinTimes(indexed, query), {
      maxResults: query.int('max_results', 10),
      sinceId: query.string('since_id'),
      untilId: query.string('until_id'),
      beforeId: cursor.beforeId,
    });
    return postsBody(world, page, query, pageFault);
  };
}
