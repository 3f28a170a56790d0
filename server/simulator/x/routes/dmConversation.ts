/** GET /2/dm_conversations/with/:participant_id/dm_events — one 1:1 conversation's events, newest first (the connector reads it to settle a DM whose answer was lost). */
import { invalidRequest } from '../errors.js';
import { oneToOneConversationId } from '../ids.js';
import { newestFirstPage } from '../paging.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery } from '../query.js';
import type { RouteDeps } from './deps.js';
import { cursorFrom } from './pages.js';
import { badPathId, DM_TIMELINE_QUERY, dmEventsBody } from './timelines.js';

/** Builds the one-conversation DM events route. */
export function dmConversationRoute({ world, settings, clock }: RouteDeps): RouteHandler {
  return (req, { pageFault }) => {
    const participantId = String(req.params.participant_id);
    const badId = badPathId('participant_id', participantId);
    if (badId) return badId;
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, DM_TIMELINE_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    const { query } = checked;
    const cursor = cursorFrom(query);
    if ('problem' in cursor) return cursor;
    const eventTypes = query.set('event_types');
    const wantsMessages = eventTypes.size === 0 || eventTypes.has('MessageCreate');
    const conversationId = oneToOneConversationId(world.brand.id, participantId);
    const oldestKept = clock() - settings.dmRetentionMs;
    const timeline = wantsMessages ? world.dmEvents.filter((event) => event.conversationId === conversationId && event.createdAt >= oldestKept) : [];
    return dmEventsBody(world, newestFirstPage(timeline, { maxResults: query.int('max_results', 100), beforeId: cursor.beforeId }), query, pageFault);
  };
}
