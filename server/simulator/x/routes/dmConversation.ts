/** GET /2/dm_conversations/with/:participant_id/dm_events — one 1:1 conversation's events, newest first (the connector reads it to settle a DM whose answer was lost). */
import { oneToOneConversationId } from '../ids.js';
import type { RouteHandler } from '../pipeline.js';
import type { RouteDeps } from './deps.js';
import { dmTimeline } from './dmTimeline.js';
import { badPathId } from './timelines.js';

/** Builds the one-conversation DM events route. */
export function dmConversationRoute(deps: RouteDeps): RouteHandler {
  return (req, context) => {
    const participantId = String(req.params.participant_id);
    const badId = badPathId('participant_id', participantId);
    if (badId) return badId;
    const conversationId = oneToOneConversationId(deps.world.brand.id, participantId);
    return dmTimeline(deps, req, context, (kept) => kept.filter((event) => event.conversationId === conversationId));
  };
}
