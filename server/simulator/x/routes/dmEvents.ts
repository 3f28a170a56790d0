/** GET /2/dm_events — recent DM events across the brand's conversations, newest first, paged like X. */
import { invalidRequest } from '../errors.js';
import { newestFirstPage } from '../paging.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery } from '../query.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom } from './pages.js';
import { DM_TIMELINE_QUERY, dmEventsBody } from './timelines.js';

/** Builds the DM events route over the world's DM events. */
export function dmEventsRoute({ world, settings, clock }: RouteDeps): RouteHandler {
  return (req, { pageFault }) => {
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, DM_TIMELINE_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { query } = checked;
    const cursor = cursorFrom(query);
    if ('problem' in cursor) return cursor;

    const eventTypes = query.set('event_types');
    const wantsMessages = eventTypes.size === 0 || eventTypes.has('MessageCreate');
    const oldestKept = clock() - settings.dmRetentionMs;
    const firstKept = world.dmEvents.findIndex((event) => event.createdAt >= oldestKept);
    const timeline = !wantsMessages || firstKept < 0 ? [] : world.dmEvents.slice(firstKept);
    return dmEventsBody(world, newestFirstPage(timeline, { maxResults: query.int('max_results', 100), beforeId: cursor.beforeId }), query, pageFault);
  };
}
