/** GET /2/dm_events — recent DM events across the brand's conversations, newest first, paged like X. */
import { DM_EVENT_EXPANSIONS, DM_EVENT_FIELDS, DM_EVENT_TYPES, MEDIA_FIELDS, TWEET_FIELDS, USER_FIELDS, selectionFrom } from '../fields.js';
import { invalidRequest } from '../errors.js';
import { newestFirstPage } from '../paging.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery, type QuerySpec } from '../query.js';
import { presentDmEvent } from '../shapes/dmEvent.js';
import { dmIncludes } from '../shapes/includes.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom, sentPage } from './pages.js';

const DM_EVENTS_QUERY: QuerySpec = {
  max_results: { kind: 'int', min: 1, max: 100 },
  pagination_token: { kind: 'token' },
  event_types: { kind: 'list', allowed: DM_EVENT_TYPES },
  'dm_event.fields': { kind: 'list', allowed: DM_EVENT_FIELDS },
  expansions: { kind: 'list', allowed: DM_EVENT_EXPANSIONS },
  'media.fields': { kind: 'list', allowed: MEDIA_FIELDS },
  'user.fields': { kind: 'list', allowed: USER_FIELDS },
  'tweet.fields': { kind: 'list', allowed: TWEET_FIELDS },
};

/** Builds the DM events route over the world's DM events. */
export function dmEventsRoute({ world, settings, clock }: RouteDeps): RouteHandler {
  return (req, { pageFault }) => {
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, DM_EVENTS_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { query } = checked;
    const cursor = cursorFrom(query);
    if ('problem' in cursor) return cursor;

    const eventTypes = query.set('event_types');
    const wantsMessages = eventTypes.size === 0 || eventTypes.has('MessageCreate');
    const oldestKept = clock() - settings.dmRetentionMs;
    const firstKept = world.dmEvents.findIndex((event) => event.createdAt >= oldestKept);
    const timeline = !wantsMessages || firstKept < 0 ? [] : world.dmEvents.slice(firstKept);
    const page = newestFirstPage(timeline, { maxResults: query.int('max_results', 100), beforeId: cursor.beforeId });
    if (page.items.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };

    const { items, nextToken } = sentPage(page, pageFault);
    const selection = selectionFrom(query);
    const includes = dmIncludes(world, items, selection);
    return {
      status: 200,
      body: {
        data: items.map((event) => presentDmEvent(event, selection.dmEvent)),
        ...(includes ? { includes } : {}),
        meta: {
          result_count: items.length,
          ...(nextToken ? { next_token: nextToken } : {}),
        },
      },
    };
  };
}
