/** Helpers of the replies and escalation tests (not a test file itself): the real server with the X simulator, logged-in clients, cases opened through the connector. */
import { threadIdOf } from '../../server/cases/newCase.js';
import type { ServerOptions } from '../../server/server.js';
import type { SimDmEvent, SimTweet, UserSpec } from '../../server/simulator/x/index.js';
import { allTeamsScope, type CaseDocument, type MessageDocument } from '../../server/store/index.js';
import { TestSockets } from '../realtime/testSockets.js';
import { startTestServer } from '../server/startTestServer.js';
import { INGEST_TOKEN, send, sessionCookieOf, type CsrfMode, type Reply } from './careClient.js';

export interface ReplyClient {
  cookie: string;
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown, csrf?: CsrfMode): Promise<Reply>;
}

export type ReplyServer = Awaited<ReturnType<typeof startReplyServer>>;

/**
 * The real server (embedded store, demo users) with the X simulator (no
 * preloaded items, no feed), routing with fixtures/replies.rules.json:
 * "opening hours" → bot with an answer, "thank you" → bot without one,
 * "refund" → helpdesk (tier 2) with a move-to-DM answer, else care. The
 * connector does not poll by itself: `mention` and `dm` poll once. Requests
 * to X are tried once, so the outbox's own retries show.
 */
export async function startReplyServer(options: ServerOptions & { env?: Record<string, string> } = {}) {
  const { env, ...serverOptions } = options;
  const server = await startTestServer(
    { X_SIMULATOR: '1', INGEST_TOKEN, RULES_FILE: 'test/routes/fixtures/replies.rules.json', ...env },
    {
      // X allows 15 DM reads and 15 DM sends per 15 min; every poll here reads DMs, so the tests get roomier windows.
      simulator: { items: 0, feed: undefined, rateLimits: { dmEvents: { limit: 1_000 }, sendDm: { limit: 1_000 } } },
      startConnectors: false,
      xRetry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
      replyRetry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 200 },
      ...serverOptions,
    },
  );
  const sim = server.simulator!.sim;
  const x = server.connectors.find((connector) => connector.platform === 'x')!;
  const caseOfThread = async (threadId: string): Promise<CaseDocument> => {
    const found = await server.store.collections.cases.findOne(allTeamsScope(), { platform: 'x', threadId });
    if (!found) throw new Error(`no case for thread ${threadId}`);
    return found;
  };
  const sockets = new TestSockets();
  return {
    server,
    sim,
    store: server.store,
    /** A customer's mention of the brand, polled into a case; the case it opened or joined. */
    async mention(text: string, author?: UserSpec): Promise<{ tweet: SimTweet; case: CaseDocument }> {
      const tweet = sim.addMention({ text, ...(author ? { author } : {}) });
      await x.pollOnce();
      return { tweet, case: await caseOfThread(tweet.conversationId) };
    },
    /** A customer's DM to the brand, polled into a case. */
    async dm(text: string, sender?: UserSpec): Promise<{ event: SimDmEvent; case: CaseDocument }> {
      const event = sim.addDm({ text, ...(sender ? { sender } : {}) });
      await x.pollOnce();
      return { event, case: await caseOfThread(event.conversationId) };
    },
    pollOnce: () => x.pollOnce(),
    caseById: async (id: string) => (await server.store.collections.cases.findOne(allTeamsScope(), { _id: id }))!,
    reply: async (id: string): Promise<MessageDocument | null> => server.store.collections.messages.findOne({ _id: id }),
    caseOf: (message: { id: string; platform: string; threadId?: string }) => server.store.collections.cases.findOne(allTeamsScope(), { platform: message.platform, threadId: threadIdOf(message) }),
    /** Logs in through POST /api/session (password `demo`). */
    async login(username: string): Promise<ReplyClient> {
      const reply = await send(server.url, 'POST', '/api/session', { username, password: 'demo' }, {});
      if (reply.status !== 200) throw new Error(`login as ${username} failed: ${reply.status}`);
      const cookie = sessionCookieOf(reply.headers);
      const csrfToken = reply.body.csrfToken as string;
      const headers = (csrf: CsrfMode): Record<string, string> => ({ cookie, ...(csrf === 'session' ? { 'x-csrf-token': csrfToken } : typeof csrf === 'object' ? { 'x-csrf-token': csrf.token } : {}) });
      return {
        cookie,
        get: (path) => send(server.url, 'GET', path, undefined, headers('none')),
        post: (path, body, csrf = 'session') => send(server.url, 'POST', path, body, headers(csrf)),
      };
    },
    anonymous: { post: (path: string, body?: unknown) => send(server.url, 'POST', path, body, {}) },
    /** A Socket.IO client logged in as the user, recording every event it gets. */
    async live(client: ReplyClient): Promise<Array<[string, unknown]>> {
      return (await sockets.recording(server.url, client.cookie)).events;
    },
    stop: async () => {
      sockets.closeAll();
      await server.stop();
    },
  };
}

/** Waits until `check` returns something other than undefined/false (the outbox works in the background). */
export async function eventually<T>(check: () => Promise<T | undefined | false | null>, what: string, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The stored reply once its delivery has left `queued` and its case recorded that (the case's `reply` event is written last). */
export function delivered(server: ReplyServer, replyId: string): Promise<MessageDocument> {
  return eventually(async () => {
    const reply = await server.reply(replyId);
    if (!reply || reply.delivery?.status === 'queued') return undefined;
    const recorded = await server.store.collections.caseEvents.findOne({ caseId: reply.caseId, type: 'reply', 'data.replyId': replyId, 'data.status': reply.delivery!.status });
    return recorded ? reply : undefined;
  }, `reply ${replyId} to leave the queue`);
}
