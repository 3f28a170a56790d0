/** GET /2/dm_events — recent DM events across the brand's conversations, newest first, paged like X. */
import type { RouteHandler } from '../pipeline.js';
import type { RouteDeps } from './deps.js';
import { dmTimeline } from './dmTimeline.js';

/** Builds the DM events route over the world's DM events. */
export function dmEventsRoute(deps: RouteDeps): RouteHandler {
  return (req, context) => dmTimeline(deps, req, context, (kept) => kept);
}
