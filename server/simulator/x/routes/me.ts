/** GET /2/users/me — the account the credentials belong to (the brand, as the simulator knows one user context). */
import { USER_FIELDS, selectionFrom } from '../fields.js';
import { invalidRequest } from '../errors.js';
import type { RouteHandler } from '../pipeline.js';
import { checkQuery, type QuerySpec } from '../query.js';
import { presentUser } from '../shapes/user.js';
import type { RouteDeps } from './deps.js';

const ME_QUERY: QuerySpec = {
  'user.fields': { kind: 'list', allowed: USER_FIELDS },
  expansions: { kind: 'list', allowed: ['pinned_tweet_id', 'most_recent_tweet_id', 'affiliation.user_id'] },
  'tweet.fields': { kind: 'list', allowed: [] },
};

/** Builds the users/me route. */
export function meRoute({ world }: RouteDeps): RouteHandler {
  return (req) => {
    const checked = checkQuery(new URL(req.originalUrl, 'http://x').searchParams, ME_QUERY);
    if ('problems' in checked) return { problem: invalidRequest(checked.problems) };
    return { status: 200, body: { data: presentUser(world.brand, selectionFrom(checked.query).user) } };
  };
}
