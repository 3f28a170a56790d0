import type { Request } from 'express';
import { invalidRequest } from '../errors.js';
import type { SimDmEvent } from '../model.js';
import { newestFirstPage } from '../paging.js';
import type { RouteContext, RouteOutcome } from '../pipeline.js';
import { checkQuery } from '../query.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom } from './pages.js';
import { DM_TIMELINE_QUERY, dmEventsBody } from './timelines.js';

/**
 * What the DM event routes answer: the query and cursor checked, then the
 * events `from` picks among those X still keeps (its DM retention), message
 * events only when `event_types` asks for them, a page newest first.
 */
export function dmTimeline({ world, settings, clock }: RouteDeps, req: Request, { pageFault }: RouteContext, from: (kept: SimDmEvent[]) => SimDmEvent[]): RouteOutcome {
  const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, DM_TIMELINE_QUERY);
  if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
  const { query } = checked;
  const cursor = cursorFrom(query);
  if ('problem' in cursor) return cursor;
  const eventTypes = query.set('event_types');
  const wantsMessages = eventTypes.size === 0 || eventTypes.has('MessageCreate');
  const oldestKept = clock() - settings.dmRetentionMs;
  const timeline = wantsMessages ? from(world.dmEvents.filter((event) => event.createdAt >= oldestKept)) : [];
  return dmEventsBody(world, newestFirstPage(timeline, { maxResults: query.int('max_results', 100), beforeId: cursor.beforeId }), query, pageFault);
}
