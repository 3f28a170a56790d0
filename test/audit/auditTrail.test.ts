/**
 * Audit completeness: every write route a person uses (the table below, one
 * real request each) leaves its audit entry, with who, what and the target;
 * and no write route of the server is missing from the audited table.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDITED_ROUTES, auditedRouteOf } from '../../server/audit/auditedRoutes.js';
import { freshUsername, send, useCareServer, type Reply } from '../routes/careClient.js';
import { WEBHOOK_SECRET_KEY } from '../webhooks/webhookHelpers.js';

const care = useCareServer({ WEBHOOK_SECRET_KEY, WEBHOOK_ALLOW_PRIVATE: '1' }, { webhookIntervalMs: 60 * 60 * 1000 });
const admin = care.loggedIn('admin');

/** The newest audit entry of an action as GET /api/audit answers it, once settled (entries are settled when the answer is finished). */
async function newestEntry(action: string) {
  let entry: Record<string, unknown> | undefined;
  await expect.poll(async () => {
    entry = (await admin.get(`/api/audit?action=${encodeURIComponent(action)}&limit=1`)).body.entries[0];
    return entry?.state;
  }).toBe('done');
  return entry!;
}

type Row = [action: string, request: () => Promise<{ reply: Reply; targetId?: string; actor?: string }>];

const rows: Row[] = [
  ['session.login', async () => ({ reply: await care.anonymous().post('/api/session', { username: 'ana', password: 'demo' }), actor: 'ana' })],
  ['session.logout', async () => ({ reply: await (await care.login('hugo')).delete('/api/session'), actor: 'hugo' })],
  ['case.update', async () => { const id = await care.openCase('audit me'); return { reply: await admin.patch(`/api/cases/${id}`, { priority: 'high' }), targetId: id }; }],
  ['case.note', async () => { const id = await care.openCase('a note please'); return { reply: await admin.post(`/api/cases/${id}/notes`, { text: 'called them' }), targetId: id }; }],
  ['case.escalate', async () => { const id = await care.openCase('escalate me'); return { reply: await admin.post(`/api/cases/${id}/escalations`, { reason: 'billing' }), targetId: id }; }],
  ['rules.draft', async () => { const { ruleSet } = (await admin.get('/api/rules')).body.active; return { reply: await send(care.url, 'PUT', '/api/rules/draft', { ruleSet }, { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken! }) }; }],
  ['rules.publish', async () => ({ reply: await admin.post('/api/rules/publish') })],
  ['rules.rollback', async () => ({ reply: await admin.post('/api/rules/rollback', { version: 1 }) })],
  ['user.create', async () => ({ reply: await admin.post('/api/users', { username: freshUsername('audit'), password: 'a-long-password-1', role: 'agent', teams: ['care'] }) })],
  ['team.create', async () => ({ reply: await admin.post('/api/teams', { name: `audit-${process.pid}`, tier: 1 }) })],
  ['team.update', async () => ({ reply: await admin.patch(`/api/teams/audit-${process.pid}`, { displayName: 'Audit' }), targetId: `audit-${process.pid}` })],
  ['team.delete', async () => ({ reply: await admin.delete(`/api/teams/audit-${process.pid}`), targetId: `audit-${process.pid}` })],
  ['webhook.create', async () => ({ reply: await admin.post('/api/webhooks', { url: 'http://127.0.0.1:9/audit', events: ['case.created'], secret: 'whsec_audit-secret-value' }) })],
];

describe('every write route leaves its audit entry', () => {
  for (const [action, request] of rows) {
    it(action, async () => {
      const { reply, targetId, actor = 'admin' } = await request();
      expect(reply.status).toBeGreaterThanOrEqual(200);
      expect(reply.status).toBeLessThan(300);
      const entry = await newestEntry(action);
      expect(entry).toMatchObject({ action, actor: { username: actor }, status: reply.status });
      if (targetId) expect(entry.target).toEqual({ kind: expect.any(String), id: targetId });
      expect(JSON.stringify(entry)).not.toMatch(/"(password|secret)":"(?!\[redacted\])/);
    });
  }

  it('records a failed log-in with the username tried, never the password', async () => {
    expect((await care.anonymous().post('/api/session', { username: 'mia', password: 'wrong-password' })).status).toBe(401);
    const entry = await newestEntry('session.login_failed');
    expect(entry).toMatchObject({ actor: { id: null, username: 'mia' }, status: 401, request: { username: 'mia', password: '[redacted]' } });
  });

  it('keeps before and after of a case change from its answer', async () => {
    const id = await care.openCase('priority change');
    await admin.patch(`/api/cases/${id}`, { priority: 'urgent' });
    const entry = await newestEntry('case.update');
    expect(entry).toMatchObject({ state: 'done', request: { priority: 'urgent' }, before: { id, priority: 'normal' }, after: { case: { id, priority: 'urgent' } } });
  });

  it('lists a refused request nowhere, and settles an entry once', async () => {
    const id = await care.openCase('refused change');
    expect((await admin.patch(`/api/cases/${id}`, { priority: 'no-such' })).status).toBe(400);
    await expect.poll(async () => (await care.store.collections.auditEntries.find({ 'target.id': id })).map((entry) => entry.state)).toEqual(['refused']);
    const stored = await care.store.collections.auditEntries.find({ 'target.id': id });
    const listed = (await admin.get('/api/audit?action=case.update&limit=50')).body.entries;
    expect(listed.some((entry: { target: { id: string } | null }) => entry.target?.id === id)).toBe(false);
    expect(await care.store.collections.auditEntries.settle(stored[0]!._id, { state: 'done', status: 200, action: 'case.update', actor: stored[0]!.actor, request: null, after: null })).toBe(false);
  });

  it('covers every write route the server has', async () => {
    const writes = await writeRoutesInSource(join(process.cwd(), 'server/routes'));
    expect(writes.length).toBeGreaterThan(15);
    const unaudited = ['POST /api/messages', 'POST /api/rules/test', 'POST /api/rules/backtest'];
    const missing = writes.filter((route) => !unaudited.includes(route) && !auditedRouteOf(route.split(' ')[0]!, route.split(' ')[1]!.replace(/:[a-zA-Z]+/g, 'x')));
    expect(missing).toEqual([]);
    expect(AUDITED_ROUTES.length).toBeGreaterThanOrEqual(rows.length);
  });
});

describe('GET /api/audit', () => {
  it('is for admins only and filters by actor and period', async () => {
    expect((await (await care.login('ana')).get('/api/audit')).status).toBe(403);
    const byAna = (await admin.get('/api/audit?actor=ana')).body.entries;
    expect(byAna.length).toBeGreaterThan(0);
    expect(byAna.every((entry: { actor: { username: string } }) => entry.actor.username === 'ana')).toBe(true);
    expect((await admin.get('/api/audit?to=2000-01-01T00:00:00Z')).body.entries).toEqual([]);
    expect((await admin.get('/api/audit?from=yesterday')).status).toBe(400);
  });

  it('pages with a cursor, newest first, without repeats', async () => {
    const first = (await admin.get('/api/audit?limit=2')).body;
    const second = (await admin.get(`/api/audit?limit=2&cursor=${first.nextCursor}`)).body;
    expect(first.entries).toHaveLength(2);
    expect(second.entries[0].id < first.entries[1].id).toBe(true);
  });

  it('cannot be changed through the store', () => {
    expect('updateOne' in care.store.collections.auditEntries).toBe(false);
    expect('deleteMany' in care.store.collections.auditEntries).toBe(false);
  });
});

/** "METHOD /path" of every router.post/put/patch/delete in the route sources. */
async function writeRoutesInSource(dir: string): Promise<string[]> {
  const routes: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
    for (const match of text.matchAll(/router\.(post|put|patch|delete)\('([^']+)'/g)) routes.push(`${match[1]!.toUpperCase()} ${match[2]}`);
  }
  return routes;
}
