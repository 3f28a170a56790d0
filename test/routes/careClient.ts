/** Helpers of the session, cases and monitor API tests (not a test file itself): a real server, logged-in clients, cases made by real ingestion. */
import { afterAll, beforeAll, expect } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.js';
import { threadIdOf } from '../../server/cases/newCase.js';
import { allTeamsScope, type Role, type Store } from '../../server/store/index.js';
import type { ServerOptions } from '../../server/server.js';
import { startTestServer } from '../server/startTestServer.js';

export const INGEST_TOKEN = 'ingest-token-for-case-tests';

export interface Reply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted on, not typed
  body: any;
}

/** How a write carries the CSRF token: the session's (default), none, or a given value. */
export type CsrfMode = 'session' | 'none' | { token: string };

export interface Client {
  readonly cookie: string | null;
  readonly csrfToken: string | null;
  get(path: string): Promise<Reply>;
  post(path: string, body?: unknown, csrf?: CsrfMode): Promise<Reply>;
  patch(path: string, body?: unknown, csrf?: CsrfMode): Promise<Reply>;
  delete(path: string, csrf?: CsrfMode): Promise<Reply>;
}

export type CareServer = ReturnType<typeof careApi>;
type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The real server (embedded store, demo users) routing with test/routes/fixtures/teams.rules.json: "refund" → helpdesk (tier 2), "broken" → social, "opening hours" → bot, else care. */
export async function startCareServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<CareServer> {
  const server = await startTestServer({ INGEST_TOKEN, RULES_FILE: 'test/routes/fixtures/teams.rules.json', ...env }, options);
  return careApi(() => server);
}

/**
 * One care server for the file (or the describe block) it is called in: started in a beforeAll, stopped in an afterAll.
 * `care` works in the tests and in the hooks registered after this call; `care.loggedIn(username)`, called beside
 * `useCareServer`, gives that user's session, logged in (password `demo`) when the server starts.
 */
export function useCareServer(env: Record<string, string> = {}, options: ServerOptions = {}) {
  let running: CareServer | undefined;
  const sessions = new Map<string, Client | undefined>();
  beforeAll(async () => {
    const started = await startCareServer(env, options);
    running = started;
    await Promise.all([...sessions.keys()].map(async (username) => sessions.set(username, await started.login(username))));
  });
  afterAll(async () => {
    await running?.stop();
  });
  const current = (): CareServer => {
    if (!running) throw new Error('the care server is not running: use it in tests, or in hooks registered after useCareServer');
    return running;
  };
  // Object.assign, not a spread: a spread would read the getters now, before the server runs.
  return Object.assign(careApi(() => current().server), {
    /** The session of a demo user, logged in when the server starts; call it where useCareServer is called. */
    loggedIn(username: string): Client {
      if (running) throw new Error(`loggedIn('${username}') after the server started: call it beside useCareServer, or use care.login`);
      sessions.set(username, undefined);
      return sessionOf(() => sessions.get(username) ?? fail(`${username} was not logged in: the server did not start`));
    },
  });
}

function fail(message: string): never {
  throw new Error(message);
}

/** The test API of a running server: `server` is read at each use, so it may be one a beforeAll starts later. */
function careApi(serverOf: () => TestServer) {
  return {
    get server() {
      return serverOf();
    },
    get url() {
      return serverOf().url;
    },
    get store() {
      return serverOf().store;
    },
    /** A logged-out client. */
    anonymous: (): Client => clientFor(serverOf().url, null, null),
    /** Logs in through POST /api/session (password `demo` unless given); throws unless it answers 200. */
    async login(username: string, password = 'demo'): Promise<Client> {
      const reply = await send(serverOf().url, 'POST', '/api/session', { username, password }, {});
      if (reply.status !== 200) throw new Error(`login as ${username} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return clientFor(serverOf().url, sessionCookieOf(reply.headers), reply.body.csrfToken);
    },
    /** Opens a case through POST /api/messages and returns its id. */
    async openCase(text: string, overrides: Record<string, unknown> = {}): Promise<string> {
      const message = customerMessage(text, overrides);
      await ingest(serverOf().url, [message]);
      return caseOf(serverOf().store, message);
    },
    /** The id of the case a message's thread is in. */
    caseOf: (message: { id: string; platform: string; threadId?: string }) => caseOf(serverOf().store, message),
    ingest: (messages: unknown[]) => ingest(serverOf().url, messages),
    stop: () => serverOf().stop(),
  };
}

/** A client that is whichever client `current` gives at each use. */
function sessionOf(current: () => Client): Client {
  return {
    get cookie() {
      return current().cookie;
    },
    get csrfToken() {
      return current().csrfToken;
    },
    get: (path) => current().get(path),
    post: (path, body, csrf) => current().post(path, body, csrf),
    patch: (path, body, csrf) => current().patch(path, body, csrf),
    delete: (path, csrf) => current().delete(path, csrf),
  };
}

async function caseOf(store: Store, message: { id: string; platform: string; threadId?: string }): Promise<string> {
  const found = await store.collections.cases.findOne(allTeamsScope(), { platform: message.platform, threadId: threadIdOf(message) });
  if (!found) throw new Error(`no case for ${message.id}`);
  return found._id;
}

/** Ingests messages through POST /api/messages with the ingest token; throws on any error. */
async function ingest(url: string, messages: unknown[]): Promise<void> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
    body: JSON.stringify(messages),
  });
  const body = (await response.json()) as { errors: unknown[]; accepted: unknown[] };
  if (response.status !== 200 || body.errors.length > 0 || body.accepted.length !== messages.length) throw new Error(`ingest failed: ${response.status} ${JSON.stringify(body)}`);
}

let counter = 0;

/** Every case a client lists with GET /api/cases?<query>, following `nextCursor` page by page. */
export async function allCasePages<T = { id: string }>(client: Client, query: string): Promise<T[]> {
  const listed: T[] = [];
  let cursor: string | null = null;
  do {
    const reply = await client.get(`/api/cases?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(reply.status).toBe(200);
    listed.push(...(reply.body.cases as T[]));
    cursor = reply.body.nextCursor;
  } while (cursor);
  return listed;
}

/** A fresh customer message (unique id, so a new thread) with the given text. */
export function customerMessage(text: string, overrides: Record<string, unknown> = {}): { id: string; platform: string; threadId?: string; [key: string]: unknown } {
  counter += 1;
  const id = `chat:${process.pid}-${Date.now()}-${counter}`;
  return { id, platform: 'chat', channel: 'public', text, createdAt: new Date(Date.UTC(2026, 10, 20, 14, 0, counter)).toISOString(), author: { id: `customer-${counter}`, handle: `customer${counter}` }, ...overrides };
}

/** Adds a user (factory: a fresh name per test) with a password. */
export async function createUser(store: Store, props: { username: string; role: Role; teams?: string[]; password?: string; disabled?: boolean }): Promise<string> {
  const inserted = await store.collections.users.insertOne({
    username: props.username,
    role: props.role,
    teams: props.teams ?? [],
    passwordHash: await hashPassword(props.password ?? 'demo'),
    disabled: props.disabled ?? false,
  });
  if (inserted.status !== 'inserted') throw new Error(`user ${props.username} exists`);
  return inserted.document._id;
}

let userCounter = 0;

/** A username no other test uses. */
export function freshUsername(prefix = 'user'): string {
  userCounter += 1;
  return `${prefix}-${process.pid}-${userCounter}`;
}

/** The `name=value` of the session cookie a response sets. */
export function sessionCookieOf(headers: Headers): string {
  const cookie = headers.getSetCookie().find((line) => line.startsWith('care_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0]!;
}

function clientFor(url: string, cookie: string | null, csrfToken: string | null): Client {
  const headersFor = (csrf: CsrfMode): Record<string, string> => {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    if (csrf === 'session' && csrfToken) headers['x-csrf-token'] = csrfToken;
    else if (typeof csrf === 'object') headers['x-csrf-token'] = csrf.token;
    return headers;
  };
  return {
    cookie,
    csrfToken,
    get: (path) => send(url, 'GET', path, undefined, headersFor('none')),
    post: (path, body, csrf = 'session') => send(url, 'POST', path, body, headersFor(csrf)),
    patch: (path, body, csrf = 'session') => send(url, 'PATCH', path, body, headersFor(csrf)),
    delete: (path, csrf = 'session') => send(url, 'DELETE', path, undefined, headersFor(csrf)),
  };
}

/** One request with a JSON body (when given) over real HTTP. */
export async function send(url: string, method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Reply> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}
