/** Sessions live in the store: with a fixed SESSION_SECRET they survive a restart of the real server on the same data; with a random one they do not. */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { sessionKey } from '../../server/auth/sessions.js';
import { unsignValue } from '../../server/auth/signedCookie.js';
import { readEnv } from '../../server/env.js';
import { startServer, type RunningServer } from '../../server/server.js';
import { send, sessionCookieOf } from '../routes/careClient.js';
import { freshStorePlace, testBackend, type StorePlace } from '../support/testStore.js';

const SESSION_SECRET = 'a-fixed-session-secret-for-tests';

let place: StorePlace;
let running: RunningServer | undefined;
beforeEach(async () => {
  place = await freshStorePlace(undefined, 'care-sessions');
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await place.destroy();
});

/** Starts the real server on this test's store, with the demo users (stopping the one before); the SESSION_SECRET is the one given, if any. */
async function restart(env: Record<string, string> = {}): Promise<RunningServer> {
  await running?.close();
  const storeEnv = Object.fromEntries(Object.entries(place.env).filter(([name]) => name !== 'SESSION_SECRET'));
  running = await startServer(readEnv({ PORT: '0', HOST: '127.0.0.1', X_SIMULATOR: '0', DEMO_USERS: '1', ...storeEnv, ...env }), { startConnectors: false });
  return running;
}

async function logIn(url: string): Promise<{ cookie: string; csrfToken: string }> {
  const reply = await send(url, 'POST', '/api/session', { username: 'ana', password: 'demo' }, {});
  expect(reply.status).toBe(200);
  return { cookie: sessionCookieOf(reply.headers), csrfToken: reply.body.csrfToken };
}

it('keeps a session across a restart when SESSION_SECRET is set, stored under the hash of its id', async () => {
  const first = await restart({ SESSION_SECRET });
  const { cookie, csrfToken } = await logIn(first.url);
  const rawId = unsignValue(decodeURIComponent(cookie.slice('care_session='.length)), SESSION_SECRET)!;
  expect(rawId).toMatch(/^[\w-]{43}$/);
  const stored = await first.store.collections.sessions.find({});
  expect(stored.map((session) => session._id)).toEqual([sessionKey(rawId)]);
  expect(JSON.stringify(stored)).not.toContain(rawId);

  const second = await restart({ SESSION_SECRET });
  const again = await send(second.url, 'GET', '/api/session', undefined, { cookie });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ user: { username: 'ana' }, csrfToken });
  // Logging out after the restart ends it for good.
  expect((await send(second.url, 'DELETE', '/api/session', undefined, { cookie, 'x-csrf-token': csrfToken })).status).toBe(204);
  const third = await restart({ SESSION_SECRET });
  expect((await send(third.url, 'GET', '/api/session', undefined, { cookie })).status).toBe(401);
  expect(await third.store.collections.sessions.countDocuments({})).toBe(0);
});

// MongoDB requires SESSION_SECRET (test/server/env.test.ts), so there is no random secret to lose there.
it.skipIf(testBackend() === 'mongodb')('logs everyone out at a restart in embedded mode without SESSION_SECRET (a random secret per start)', async () => {
  const first = await restart();
  const { cookie } = await logIn(first.url);
  expect((await send(first.url, 'GET', '/api/session', undefined, { cookie })).status).toBe(200);
  const second = await restart();
  expect((await send(second.url, 'GET', '/api/session', undefined, { cookie })).status).toBe(401);
});
