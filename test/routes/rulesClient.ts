/** Helpers of the rules API tests (not a test file itself): a real server, users by name, JSON over real HTTP. */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { SessionUser } from '../../server/middleware/currentUser.js';
import { apiNotFound, errorHandler } from '../../server/middleware/errorHandler.js';
import { ruleRoutes } from '../../server/routes/rules/rules.js';
import type { Rule, RuleSet } from '../../server/routing/index.js';
import { startTestServer } from '../server/startTestServer.js';

export const INGEST_TOKEN = 'ingest-token-for-rules-tests';
export const BRAND_ID = '1000';

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted on, not typed
  body: any;
}

export interface Client {
  get(path: string): Promise<Reply>;
  put(path: string, body?: unknown): Promise<Reply>;
  post(path: string, body?: unknown): Promise<Reply>;
}

export type RulesServer = Awaited<ReturnType<typeof startRulesServer>>;

/**
 * The real server (embedded store, demo users, test/fixtures/basic.rules.json
 * as version 1) plus the rules router mounted on a second listener behind a
 * test-only middleware that logs in the user named by `x-test-user`: the
 * session middleware is not there yet. Logged-out requests go to the real app.
 */
export async function startRulesServer() {
  const server = await startTestServer({ INGEST_TOKEN, RULES_FILE: 'test/fixtures/basic.rules.json', X_ACCOUNT_ID: BRAND_ID });
  const app = express();
  app.use(async (req, res, next) => {
    const username = req.get('x-test-user');
    const user = username ? await server.store.collections.users.findOne({ username }) : null;
    if (user) res.locals.user = { id: user._id, username: user.username, role: user.role, teams: user.teams } satisfies SessionUser;
    next();
  });
  app.use(ruleRoutes({ store: server.store, rules: server.rules, brandAccounts: new Set([`x:${BRAND_ID}`]) }));
  app.use('/api', apiNotFound);
  app.use(errorHandler);
  const http: Server = app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const sideUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    server,
    /** A client logged in as a demo user (`admin`, `ana`, `hugo`, `mia`), or logged out (null). */
    as(username: string | null): Client {
      const base = username ? sideUrl : server.url;
      const headers: Record<string, string> = username ? { 'x-test-user': username } : {};
      return clientFor(base, headers);
    },
    /** Ingests messages through POST /api/messages. */
    async ingest(messages: unknown[]): Promise<void> {
      const response = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${INGEST_TOKEN}` },
        body: JSON.stringify(messages),
      });
      const body = (await response.json()) as { errors: unknown[] };
      if (response.status !== 200 || body.errors.length > 0) throw new Error(`ingest failed: ${response.status} ${JSON.stringify(body)}`);
    },
    async stop(): Promise<void> {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await server.stop();
    },
  };
}

function clientFor(base: string, headers: Record<string, string>): Client {
  const send = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { get: (path) => send('GET', path), put: (path, body) => send('PUT', path, body), post: (path, body) => send('POST', path, body) };
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

/** A valid rule set: a refund rule to the help desk and the given rules before it, falling back to care. */
export function ruleSet(rules: Rule[] = [], overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    name: 'test set',
    rules: [...rules, keywordRule('refunds', ['refund'], { tier: 2, team: 'helpdesk', priority: 'high' })],
    fallback: { tier: 1, team: 'care' },
    ...overrides,
  };
}
