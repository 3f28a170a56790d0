/** Helpers of the rules API tests (not a test file itself): a real server, demo users logged in for real, JSON over real HTTP. */
import type { Rule, RuleSet } from '../../server/routing/index.js';
import { startTestServer } from '../server/startTestServer.js';

export const INGEST_TOKEN = 'ingest-token-for-rules-tests';
export const BRAND_ID = '1000';

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted on, not typed
  body: any;
}

/** How a write carries the CSRF token: the session's (default) or none. */
export type CsrfMode = 'session' | 'none';

export interface Client {
  get(path: string): Promise<Reply>;
  put(path: string, body?: unknown, csrf?: CsrfMode): Promise<Reply>;
  post(path: string, body?: unknown, csrf?: CsrfMode): Promise<Reply>;
}

interface Session {
  cookie: string | null;
  csrfToken: string | null;
}

export type RulesServer = Awaited<ReturnType<typeof startRulesServer>>;

/** The real server: embedded store, demo users and teams, test/fixtures/basic.rules.json as version 1, brand account x:1000. */
export async function startRulesServer() {
  const server = await startTestServer({ INGEST_TOKEN, RULES_FILE: 'test/fixtures/basic.rules.json', X_ACCOUNT_ID: BRAND_ID });
  const sessions = new Map<string, Promise<Session>>();
  const login = async (username: string): Promise<Session> => {
    const reply = await send(server.url, 'POST', '/api/session', { username, password: 'demo' }, {});
    if (reply.status !== 200) throw new Error(`login as ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    const cookie = reply.headers.getSetCookie().find((line) => line.startsWith('care_session='));
    if (!cookie) throw new Error('no session cookie was set');
    return { cookie: cookie.split(';')[0]!, csrfToken: reply.body.csrfToken as string };
  };
  return {
    server,
    /** A client logged in (POST /api/session, once per server) as a demo user (`admin`, `ana`, `hugo`, `mia`), or logged out (null). */
    as(username: string | null): Client {
      const session = (): Promise<Session> => {
        if (!username) return Promise.resolve({ cookie: null, csrfToken: null });
        let pending = sessions.get(username);
        if (!pending) sessions.set(username, (pending = login(username)));
        return pending;
      };
      const write = (method: string) => async (path: string, body?: unknown, csrf: CsrfMode = 'session') => {
        const { cookie, csrfToken } = await session();
        return send(server.url, method, path, body, { ...(cookie ? { cookie } : {}), ...(csrf === 'session' && csrfToken ? { 'x-csrf-token': csrfToken } : {}) });
      };
      return {
        get: async (path) => {
          const { cookie } = await session();
          return send(server.url, 'GET', path, undefined, cookie ? { cookie } : {});
        },
        put: write('PUT'),
        post: write('POST'),
      };
    },
    /** Ingests messages through POST /api/messages; throws unless all are accepted. */
    async ingest(messages: unknown[]): Promise<void> {
      const reply = await send(server.url, 'POST', '/api/messages', messages, { authorization: `Bearer ${INGEST_TOKEN}` });
      if (reply.status !== 200 || reply.body.errors.length > 0 || reply.body.accepted.length !== messages.length) throw new Error(`ingest failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    },
    stop: () => server.stop(),
  };
}

async function send(url: string, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Reply> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

let counter = 0;

/** A fresh customer message (unique id and thread) with the given text. */
export function customerMessage(text: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { id: `chat:${process.pid}-${counter}`, platform: 'chat', channel: 'public', text, createdAt: '2026-11-20T14:03:00Z', author: { id: `c${counter}` }, ...overrides };
}

/** A rule matching any of `keywords` in the text. */
export function keywordRule(id: string, keywords: string[], then: Rule['then'], overrides: Partial<Rule> = {}): Rule {
  return { id, when: { field: 'text', op: 'containsAny', value: keywords }, then, ...overrides };
}

/** A valid rule set: the given rules, then a refund rule to the help desk, falling back to care. */
export function ruleSet(rules: Rule[] = [], overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    name: 'test set',
    rules: [...rules, keywordRule('refunds', ['refund'], { tier: 2, team: 'helpdesk', priority: 'high' })],
    fallback: { tier: 1, team: 'care' },
    ...overrides,
  };
}
