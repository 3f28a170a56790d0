/** The X endpoints the simulator serves, by the names its options, faults and stats use. */

export const ENDPOINTS = ['mentions', 'dmEvents', 'createTweet', 'sendDm', 'me', 'userTweets', 'dmConversation'] as const;

/**
 * mentions = GET /2/users/:id/mentions, dmEvents = GET /2/dm_events, createTweet = POST /2/tweets,
 * sendDm = POST /2/dm_conversations/with/:participant_id/messages, me = GET /2/users/me,
 * userTweets = GET /2/users/:id/tweets, dmConversation = GET /2/dm_conversations/with/:participant_id/dm_events.
 */
export type EndpointName = (typeof ENDPOINTS)[number];

/** True for one of the simulator's endpoint names. */
export function isEndpointName(value: unknown): value is EndpointName {
  return typeof value === 'string' && (ENDPOINTS as readonly string[]).includes(value);
}
