/** What the X endpoint routes read and write. */
import type { PostedLog } from '../posted.js';
import type { World } from '../world.js';

/** Behaviour switches that mirror X's documented limits. */
export interface RouteSettings {
  /** The mentions timeline reaches back this many posts (X: 800). */
  mentionsTimelineCap: number;
  /** GET /2/dm_events returns events this recent (X: 30 days). */
  dmRetentionMs: number;
  /** Refuse a post whose text equals one we posted in the last 24 hours, as X does. */
  duplicateTweetCheck: boolean;
  /** How long our own new posts take to show in GET /2/users/:id/tweets. */
  ownPostsIndexDelayMs: number;
}

/** Shared state handed to every route. */
export interface RouteDeps {
  world: World;
  posted: PostedLog;
  clock: () => number;
  settings: RouteSettings;
}
