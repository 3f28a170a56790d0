/** What the timeline routes share: their query parameters, and turning a page of posts or DM events into X's body. */
import { DM_EVENT_EXPANSIONS, DM_EVENT_FIELDS, DM_EVENT_TYPES, MEDIA_FIELDS, TWEET_EXPANSIONS, TWEET_FIELDS, USER_FIELDS, selectionFrom } from '../fields.js';
import { invalidRequest } from '../errors.js';
import type { FaultSpec } from '../faults.js';
import { isSnowflake } from '../ids.js';
import type { SimDmEvent, SimTweet } from '../model.js';
import type { Page } from '../paging.js';
import type { RouteOutcome } from '../pipeline.js';
import type { CheckedQuery, QuerySpec } from '../query.js';
import { presentDmEvent } from '../shapes/dmEvent.js';
import { dmIncludes, tweetIncludes } from '../shapes/includes.js';
import { presentTweet } from '../shapes/tweet.js';
import type { World } from '../world.js';
import { sentPage } from './pages.js';

/** Query parameters every post timeline accepts (mentions, an account's posts). */
export const POST_TIMELINE_QUERY: QuerySpec = {
  since_id: { kind: 'snowflake' },
  until_id: { kind: 'snowflake' },
  max_results: { kind: 'int', min: 5, max: 100 },
  pagination_token: { kind: 'token' },
  start_time: { kind: 'datetime' },
  end_time: { kind: 'datetime' },
  'tweet.fields': { kind: 'list', allowed: TWEET_FIELDS },
  expansions: { kind: 'list', allowed: TWEET_EXPANSIONS },
  'media.fields': { kind: 'list', allowed: MEDIA_FIELDS },
  'user.fields': { kind: 'list', allowed: USER_FIELDS },
};

/** Query parameters every DM event list accepts. */
export const DM_TIMELINE_QUERY: QuerySpec = {
  max_results: { kind: 'int', min: 1, max: 100 },
  pagination_token: { kind: 'token' },
  event_types: { kind: 'list', allowed: DM_EVENT_TYPES },
  'dm_event.fields': { kind: 'list', allowed: DM_EVENT_FIELDS },
  expansions: { kind: 'list', allowed: DM_EVENT_EXPANSIONS },
  'media.fields': { kind: 'list', allowed: MEDIA_FIELDS },
  'user.fields': { kind: 'list', allowed: USER_FIELDS },
  'tweet.fields': { kind: 'list', allowed: TWEET_FIELDS },
};

/** X's 400 for a path id that is not a snowflake, or undefined. */
export function badPathId(name: string, value: string): RouteOutcome | undefined {
  if (isSnowflake(value)) return undefined;
  return { problem: invalidRequest([{ parameters: { [name]: [value] }, message: `The \`${name}\` query parameter value [${value}] does not match ^[0-9]{1,19}$` }]) };
}

/** Posts created between start_time and end_time (when given). */
export function withinTimes(tweets: readonly SimTweet[], query: CheckedQuery): SimTweet[] {
  const startMs = Date.parse(query.string('start_time') ?? '');
  const endMs = Date.parse(query.string('end_time') ?? '');
  if (Number.isNaN(startMs) && Number.isNaN(endMs)) return [...tweets];
  return tweets.filter((tweet) => !(tweet.createdAt < startMs) && !(tweet.createdAt > endMs));
}

/** A page of posts as X's body: data, includes and meta (newest_id, oldest_id, next_token). */
export function postsBody(world: World, page: Page<SimTweet>, query: CheckedQuery, pageFault: FaultSpec | undefined): RouteOutcome {
  if (page.items.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
  const { items, newestFirstIds: ids, nextToken } = sentPage(page, pageFault);
  const selection = selectionFrom(query);
  const includes = tweetIncludes(world, items, selection);
  return {
    status: 200,
    body: {
      data: items.map((tweet) => presentTweet(tweet, selection.tweet)),
      ...(includes ? { includes } : {}),
      meta: { result_count: items.length, newest_id: ids[0], oldest_id: ids[ids.length - 1], ...(nextToken ? { next_token: nextToken } : {}) },
    },
  };
}

/** A page of DM events as X's body: data, includes and meta (next_token). */
export function dmEventsBody(world: World, page: Page<SimDmEvent>, query: CheckedQuery, pageFault: FaultSpec | undefined): RouteOutcome {
  if (page.items.length === 0) return { status: 200, body: { meta: { result_count: 0 } } };
  const { items, nextToken } = sentPage(page, pageFault);
  const selection = selectionFrom(query);
  const includes = dmIncludes(world, items, selection);
  return {
    status: 200,
    body: {
      data: items.map((event) => presentDmEvent(event, selection.dmEvent)),
      ...(includes ? { includes } : {}),
      meta: { result_count: items.length, ...(nextToken ? { next_token: nextToken } : {}) },
    },
  };
}
