/** JSON bodies of the two POST endpoints, checked with ajv (compiled once) and reported in X's 400 wording. */
import { Ajv, type ErrorObject } from 'ajv';
import type { InvalidParameter } from './errors.js';

const SNOWFLAKE = { type: 'string', pattern: '^[0-9]{1,19}$' } as const;

/** POST /2/tweets body (TweetCreateRequest in X's OpenAPI; unknown properties are refused as X does). */
export interface TweetCreateBody {
  text?: string;
  reply?: { in_reply_to_tweet_id: string; exclude_reply_user_ids?: string[]; auto_populate_reply_metadata?: boolean };
  [other: string]: unknown;
}

const tweetCreateSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string' },
    reply: {
      type: 'object',
      additionalProperties: false,
      required: ['in_reply_to_tweet_id'],
      properties: {
        in_reply_to_tweet_id: SNOWFLAKE,
        exclude_reply_user_ids: { type: 'array', items: SNOWFLAKE },
        auto_populate_reply_metadata: { type: 'boolean' },
      },
    },
    quote_tweet_id: SNOWFLAKE,
    reply_settings: { type: 'string', enum: ['following', 'mentionedUsers', 'subscribers', 'verified'] },
    for_super_followers_only: { type: 'boolean' },
    nullcast: { type: 'boolean' },
    share_with_followers: { type: 'boolean' },
    card_uri: { type: 'string' },
    direct_message_deep_link: { type: 'string' },
    community_id: { type: 'string' },
    geo: { type: 'object' },
    media: { type: 'object' },
    poll: { type: 'object' },
    edit_options: { type: 'object' },
  },
};

/** POST /2/dm_conversations/with/:participant_id/messages body (CreateMessageRequest, text form). */
export interface DmCreateBody {
  text: string;
  attachments?: Array<{ media_id: string }>;
}

const dmCreateSchema = {
  type: 'object',
  required: ['text'],
  properties: {
    text: { type: 'string', minLength: 1 },
    attachments: { type: 'array', items: { type: 'object', required: ['media_id'], properties: { media_id: SNOWFLAKE } } },
  },
};

const ajv = new Ajv({ allErrors: true });
const tweetCreateValidator = ajv.compile<TweetCreateBody>(tweetCreateSchema);
const dmCreateValidator = ajv.compile<DmCreateBody>(dmCreateSchema);

/** The body as a tweet request, or X-worded problems. */
export function checkTweetCreateBody(body: unknown): { body: TweetCreateBody } | { problems: InvalidParameter[] } {
  return tweetCreateValidator(body) ? { body } : { problems: describe(tweetCreateValidator.errors) };
}

/** The body as a DM request, or X-worded problems. */
export function checkDmCreateBody(body: unknown): { body: DmCreateBody } | { problems: InvalidParameter[] } {
  return dmCreateValidator(body) ? { body } : { problems: describe(dmCreateValidator.errors) };
}

function describe(errors: ErrorObject[] | null | undefined): InvalidParameter[] {
  return (errors ?? []).map((error) => {
    const path = `$${error.instancePath.replaceAll('/', '.')}`;
    if (error.keyword === 'additionalProperties') {
      const extra = String((error.params as { additionalProperty: string }).additionalProperty);
      return { message: `${path}.${extra}: is not defined in the schema and the schema does not allow additional properties` };
    }
    if (error.keyword === 'required') {
      return { message: `${path}.${String((error.params as { missingProperty: string }).missingProperty)}: is missing but it is required` };
    }
    return { message: `${path}: ${error.message ?? 'is invalid'}` };
  });
}
