/**
 * The production path on MongoDB (FerretDB, or MONGODB_URI), in the mongodb project: the first admin
 * made with the users command, then two real server processes on one database (as behind a load
 * balancer). A session opened on one is valid on the other, a rule set published on one is followed
 * by the other, and metrics are served. Skipped in the embedded project (one process per data dir).
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { send, sessionCookieOf } from '../routes/careClient.js';
import { startProductProcess } from '../support/productProcess.js';
import { freshStorePlace, testBackend, type StorePlace } from '../support/testStore.js';

const INGEST_TOKEN = 'ingest-token-for-the-mongodb-servers';
const ADMIN_PASSWORD = 'first admin password';

let place: StorePlace;
let rulesDir: string;
const products: ChildProcess[] = [];

/** The product as a child process on the test database, with the environment a deployment sets (no demo users). */
function startProduct(): Promise<string> {
  const { child, url } = startProductProcess({ ...place.env, X_SIMULATOR: '0', INGEST_TOKEN, RULES_FILE: join(rulesDir, 'rules.json') });
  products.push(child);
  return url;
}

describe.runIf(testBackend() === 'mongodb')('the server on MongoDB, two processes, first admin from the command line', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    place = await freshStorePlace('mongodb', 'care-production');
    rulesDir = await mkdtemp(join(tmpdir(), 'care-production-rules-'));
    await writeFile(join(rulesDir, 'rules.json'), JSON.stringify({ rules: [], fallback: { tier: 1, team: 'care' } }));
  }, 60_000);
  afterAll(async () => {
    for (const child of products) {
      if (child.exitCode !== null) continue;
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    await place.destroy();
    await rm(rulesDir, { recursive: true, force: true });
  }, 60_000);

  it('serves the first admin, shares sessions, follows published rules and reports metrics', async () => {
    expect(await runCli('teams', ['create', 'care', '--tier', '1'], '', [], place.env)).toMatchObject({ code: 0 });
    expect(await runCli('teams', ['create', 'vip', '--tier', '2'], '', [], place.env)).toMatchObject({ code: 0 });
    expect(await runCli('users', ['create', 'root', '--role', 'admin'], `${ADMIN_PASSWORD}\n`, [], place.env)).toMatchObject({ code: 0 });
    const [first, second] = await Promise.all([startProduct(), startProduct()]);

    // No demo users on MongoDB by default: only the admin the command created logs in.
    expect((await send(first!, 'POST', '/api/session', { username: 'admin', password: 'demo' }, {})).status).toBe(401);
    const login = await send(first!, 'POST', '/api/session', { username: 'root', password: ADMIN_PASSWORD }, {});
    expect(login.status).toBe(200);
    const headers = { cookie: sessionCookieOf(login.headers), 'x-csrf-token': login.body.csrfToken as string };
    expect(await send(second!, 'GET', '/api/session', undefined, headers)).toMatchObject({ status: 200, body: { user: { username: 'root' } } });
    expect((await send(first!, 'GET', '/api/health', undefined, {})).body).toMatchObject({ status: 'ok', store: 'mongodb' });

    // Publish on the first; the second routes by the new version once it has followed it.
    const vipRule = { id: 'vip', when: { field: 'text', op: 'containsAny', value: ['platinum'] }, then: { tier: 2, team: 'vip' } };
    expect((await send(first!, 'PUT', '/api/rules/draft', { ruleSet: { rules: [vipRule], fallback: { tier: 1, team: 'care' } } }, headers)).status).toBe(200);
    expect((await send(first!, 'POST', '/api/rules/publish', undefined, headers)).body).toMatchObject({ version: 2 });
    let sequence = 0;
    const routedOnSecond = async () => {
      const id = `chat:production-${++sequence}`;
      const message = { id, platform: 'chat', channel: 'public', text: 'I am a platinum member', createdAt: new Date().toISOString(), author: { id: `customer-${sequence}` } };
      const ingested = await send(second!, 'POST', '/api/messages', [message], { authorization: `Bearer ${INGEST_TOKEN}` });
      expect(ingested.body.accepted).toHaveLength(1);
      const cases = await send(second!, 'GET', '/api/cases?team=vip', undefined, headers);
      return (cases.body.cases as Array<{ team: string }>).length;
    };
    await expect.poll(routedOnSecond, { timeout: 30_000, interval: 500 }).toBeGreaterThan(0);

    const metrics = await send(first!, 'GET', '/api/metrics', undefined, headers);
    expect(metrics.status).toBe(200);
    expect(metrics.body.cases.total).toBe(sequence);
    expect(metrics.body.cases.byTeam.vip).toBeGreaterThan(0);
    expect(metrics.body.ruleHits).toContainEqual({ ruleId: 'vip', ruleSetVersion: 2, cases: metrics.body.cases.byTeam.vip });

    // Logging out on the second ends the session on the first too.
    expect((await send(second!, 'DELETE', '/api/session', undefined, headers)).status).toBe(204);
    expect((await send(first!, 'GET', '/api/session', undefined, headers)).status).toBe(401);
  });
});
