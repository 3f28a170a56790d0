import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import { TWEET_FIELDS, USER_FIELDS } from '../../server/simulator/x/fields.js';
import { startXSimulator, type RunningXSimulator } from '../../server/simulator/x/index.js';
import { bearerClient, userClient } from './helpers/clients.js';
import { openApiVersion, problemSchemaFor, schemaErrors } from './helpers/openapi.js';

type TRequestQuery = NonNullable<Parameters<TwitterApi['v2']['get']>[1]>;

function expectValid(kind: string, schema: string, body: unknown): void {
  expect(schemaErrors(schema, body), `${kind} against ${schema}: ${JSON.stringify(body).slice(0, 400)}`).toEqual([]);
}

async function errorBody(request: Promise<unknown>): Promise<{ code: number; data: { type?: string } }> {
  const error = await request.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ApiResponseError);
  const { code, data } = error as ApiResponseError;
  return { code, data: data as { type?: string } };
}

function expectValidProblem(kind: string, body: { type?: string }): void {
  expectValid(kind, 'Problem', body);
  expectValid(kind, problemSchemaFor(body), body);
}

let running: RunningXSimulator;
let client: TwitterApi;
beforeEach(async () => {
  running = await startXSimulator({ items: 300, seed: 17, mix: { photoRatio: 0.3 } });
  client = userClient(running.baseUrl);
});
afterEach(async () => {
  await running.close();
});

const mentionsOf = (query: TRequestQuery) => client.v2.get('users/:id/mentions', query, { params: { id: running.sim.brand.id } });

describe(`responses match X OpenAPI ${openApiVersion} (extra properties refused)`, () => {
  it('reads the 2.159 document, whose names twitter-api-v2 uses', () => {
    expect(openApiVersion).toBe('2.159');
  });

  it('mentions pages with every supported field and expansion (Get2UsersIdMentionsResponse)', async () => {
    const query = {
      max_results: 100,
      'tweet.fields': TWEET_FIELDS.join(','),
      expansions: 'author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id,attachments.media_keys,entities.mentions.username',
      'user.fields': USER_FIELDS.join(','),
      'media.fields': 'url,width,height,media_key,type',
    };
    const page = await mentionsOf(query);
    expect(page.includes?.tweets?.length).toBeGreaterThan(0);
    expect(page.includes?.media?.length).toBeGreaterThan(0);
    expectValid('mentions page (all fields)', 'Get2UsersIdMentionsResponse', page);
    expectValid('mentions page (defaults)', 'Get2UsersIdMentionsResponse', await mentionsOf({ max_results: 5 }));
    const next = await mentionsOf({ ...query, pagination_token: page.meta.next_token });
    expectValid('mentions next page', 'Get2UsersIdMentionsResponse', next);
  });

  it('an empty mentions page', async () => {
    const newest = running.sim.mentions().at(-1)?.id;
    const empty = await mentionsOf({ since_id: newest });
    expect(empty).toEqual({ meta: { result_count: 0 } });
    expectValid('empty mentions page', 'Get2UsersIdMentionsResponse', empty);
  });

  it('DM event pages, full and default (Get2DmEventsResponse)', async () => {
    const full = await client.v2.get('dm_events', {
      'dm_event.fields': 'id,text,event_type,created_at,dm_conversation_id,sender_id,attachments,participant_ids,referenced_tweets',
      expansions: 'sender_id,participant_ids',
      'user.fields': USER_FIELDS.join(','),
      max_results: 50,
    });
    expect(full.includes?.users?.length).toBeGreaterThan(0);
    expectValid('dm events page (all fields)', 'Get2DmEventsResponse', full);
    expectValid('dm events page (defaults)', 'Get2DmEventsResponse', await client.v2.get('dm_events', {}));
    expectValid('empty dm events page', 'Get2DmEventsResponse', await client.v2.get('dm_events', { event_types: 'ParticipantsLeave' }));
  });

  it('post created (TweetCreateResponse) and DM created (CreateDmEventResponse)', async () => {
    const mention = running.sim.mentions().at(-1);
    const created = await client.v2.post('tweets', { text: 'Thanks, we are on it.', reply: { in_reply_to_tweet_id: mention?.id } });
    expectValid('tweet created', 'TweetCreateResponse', created);
    const dm = await client.v2.post('dm_conversations/with/:participant_id/messages', { text: 'Hello' }, { params: { participant_id: mention?.authorId } });
    expectValid('dm created', 'CreateDmEventResponse', dm);
  });

  it('401, 429, 5xx, 400, 403 and 404 error bodies (Problem and the discriminated subtype)', async () => {
    const sim = running.sim;
    const unauthorized = await fetch(`${running.baseUrl}dm_events`);
    expect(unauthorized.status).toBe(401);
    expectValidProblem('401', await unauthorized.json());

    const limitedSim = await startXSimulator({ items: 5, rateLimits: { dmEvents: { limit: 1, windowMs: 60_000 } } });
    const limitedClient = userClient(limitedSim.baseUrl);
    await limitedClient.v2.listDmEvents();
    const tooMany = await errorBody(limitedClient.v2.listDmEvents());
    await limitedSim.close();
    expect(tooMany.code).toBe(429);
    expectValidProblem('429', tooMany.data);

    for (const status of [500, 502, 503, 504] as const) {
      sim.injectFault({ kind: 'serverError', endpoint: 'mentions', status });
      const failure = await errorBody(mentionsOf({}));
      expect(failure.code).toBe(status);
      expectValidProblem(String(status), failure.data);
    }

    const badQuery = await errorBody(mentionsOf({ max_results: 1, 'tweet.fields': 'nope' }));
    expect(badQuery.code).toBe(400);
    expectValidProblem('400 query', badQuery.data);
    const badBody = await errorBody(client.v2.post('tweets', { text: 'x', media_ids: ['1'] }));
    expectValidProblem('400 body', badBody.data);

    const missing = await errorBody(client.v2.post('tweets', { text: 'x', reply: { in_reply_to_tweet_id: '5' } }));
    expect(missing.code).toBe(403);
    expectValidProblem('403 reply to missing post', missing.data);
    const appOnly = await startXSimulator({ items: 0, auth: { appOnlyBearerTokens: ['app'] } });
    const unsupported = await errorBody(bearerClient(appOnly.baseUrl, 'app').v2.listDmEvents());
    await appOnly.close();
    expectValidProblem('403 unsupported authentication', unsupported.data);

    const notFound = await errorBody(client.v2.get('tweets/search/recent', { query: 'x' }));
    expect(notFound.code).toBe(404);
    expectValidProblem('404', notFound.data);
  });

  it('the brand\'s own posts, users/me and one DM conversation, with long posts, links, edits, quotes and reposts', async () => {
    const sim = running.sim;
    const root = sim.addMention({ text: `fish & chips <3 ${'long story '.repeat(30)} https://acme.example/a/b/c/d/e/f` });
    sim.addMention({ text: 'see this', quoteOfTweetId: root.id });
    sim.addMention({ text: '', repostOfTweetId: root.id });
    sim.editPost(sim.addMention({ text: 'typo' }).id, '@AcmeHelp no typo');
    await client.v2.post('tweets', { text: 'On it & sorry <3', reply: { in_reply_to_tweet_id: root.id } });
    const fields = {
      'tweet.fields': TWEET_FIELDS.join(','),
      expansions: 'author_id,in_reply_to_user_id,referenced_tweets.id,referenced_tweets.id.author_id,entities.mentions.username,edit_history_tweet_ids',
      'user.fields': USER_FIELDS.join(','),
    };
    const mentions = await mentionsOf({ ...fields, max_results: 10 });
    expect(JSON.stringify(mentions)).toContain('note_tweet');
    expect(JSON.stringify(mentions)).toContain('"quoted"');
    expectValid('mentions with notes, links, quotes, reposts and edits', 'Get2UsersIdMentionsResponse', mentions);
    const own = await client.v2.get('users/:id/tweets', { ...fields, max_results: 5 }, { params: { id: sim.brand.id } });
    expect(own.data?.[0]?.text).toBe('On it &amp; sorry &lt;3');
    expectValid('brand posts', 'Get2UsersIdTweetsResponse', own);
    expectValid('users/me', 'Get2UsersMeResponse', await client.v2.get('users/me', { 'user.fields': USER_FIELDS.join(',') }));
    const customer = sim.addDm({ text: 'a & b' }).senderId;
    await client.v2.post('dm_conversations/with/:participant_id/messages', { text: 'Hello' }, { params: { participant_id: customer } });
    const conversation = await client.v2.get('dm_conversations/with/:participant_id/dm_events', { 'dm_event.fields': 'id,text,event_type,created_at,sender_id,dm_conversation_id', expansions: 'sender_id' }, { params: { participant_id: customer } });
    expect(conversation.data).toHaveLength(2);
    expectValid('one DM conversation', 'Get2DmConversationsWithParticipantIdDmEventsResponse', conversation);
  });

  it('account problems (401, 402, 403 client-forbidden and oauth1-permissions, 429 usage-capped) and a 200 with errors only', async () => {
    const sim = running.sim;
    for (const [problem, status] of [['unauthorized', 401], ['creditsDepleted', 402], ['clientNotEnrolled', 403], ['oauth1Permissions', 403], ['usageCappedMonthly', 429]] as const) {
      sim.injectFault({ kind: 'problem', problem, endpoint: 'mentions' });
      const failure = await errorBody(mentionsOf({}));
      expect(failure.code).toBe(status);
      expectValidProblem(problem, failure.data);
    }
    sim.injectFault({ kind: 'errorsNoData', endpoint: 'mentions' });
    const onlyErrors = await mentionsOf({});
    expect(onlyErrors).not.toHaveProperty('data');
    expectValid('200 with errors only', 'Get2UsersIdMentionsResponse', onlyErrors);
  });

  it('the strict validators do catch a misspelt or missing field (negative control)', () => {
    const page = { data: [{ id: '1', text: 'x', referenced_tweet: [] }], meta: { result_count: 1 } };
    expect(schemaErrors('Get2UsersIdMentionsResponse', page).join()).toMatch(/additional properties/);
    expect(schemaErrors('CreateDmEventResponse', { data: { dm_event_id: '1' } }).join()).toMatch(/dm_conversation_id/);
    expect(schemaErrors('Problem', { detail: 'x' }).join()).toMatch(/title/);
  });
});
