/**
 * RETENTION_DAYS: resolved and suppressed cases untouched that long are
 * erased the way POST /api/customers/:id/erase does it (swept with a fixed
 * clock here), others stay; the worker's daily job does it on its own.
 */
import { describe, expect, it } from 'vitest';
import { RETENTION_ACTOR, sweepRetention } from '../../server/governance/retention/sweepRetention.js';
import { allTeamsScope } from '../../server/store/index.js';
import { startCareServer, useCareServer } from '../routes/careClient.js';
import { holding, wholeStore } from './storeScan.js';

const DAY = 24 * 60 * 60 * 1000;

describe('the retention sweep on a fixed clock', () => {
  const care = useCareServer();
  const admin = care.loggedIn('admin');

  it('erases resolved and suppressed cases untouched for the days, keeps the others', async () => {
    const tag = `${process.pid}${Date.now()}`;
    const text = (what: string) => `${what} ${tag} please help`;
    const resolved = await care.openCase(text('resolved'), { author: { id: `r-${tag}`, handle: `res_${tag}`, name: `Resa ${tag}` } });
    const open = await care.openCase(text('still-open'));
    const touched = await care.openCase(text('touched-later'));
    for (const id of [resolved, touched]) expect((await admin.patch(`/api/cases/${id}`, { status: 'resolved' })).status).toBe(200);
    expect((await admin.post(`/api/customers/chat:blocked-${tag}/block`, { reason: 'abusive' })).status).toBe(200);
    const suppressed = await care.openCase(text('suppressed'), { author: { id: `blocked-${tag}`, handle: `blk_${tag}` } });
    expect((await admin.get(`/api/cases/${suppressed}`)).body.case.status).toBe('suppressed');
    // Someone changed it two days later than the others.
    await care.store.collections.cases.updateOne(allTeamsScope(), { _id: touched }, { $set: { updatedAt: new Date(Date.now() + 2 * DAY) } });

    const now = new Date(Date.now() + 30 * DAY + 60_000);
    const swept = await sweepRetention({ store: care.store, days: 30, now });
    expect(swept.caseIds.sort()).toEqual([resolved, suppressed].sort());
    expect(swept).toMatchObject({ cases: 2, messages: 2 });

    const dump = await wholeStore(care.store);
    expect(holding(dump, [text('resolved'), `res_${tag}`, `Resa ${tag}`, text('suppressed'), `blk_${tag}`])).toEqual([]);
    expect(holding(dump, [text('still-open')])).toEqual(expect.arrayContaining(['messages', 'cases']));
    expect(holding(dump, [text('touched-later')])).toEqual(expect.arrayContaining(['messages', 'cases']));
    const kept = (await admin.get(`/api/cases/${resolved}`)).body;
    expect(kept.case).toMatchObject({ status: 'resolved', customer: { handle: null, name: null }, erasedAt: now.toISOString() });
    expect(kept.messages.map((message: { text: string }) => message.text)).toEqual(['']);

    const entry = (await admin.get('/api/audit?action=retention.erase')).body.entries[0];
    expect(entry).toMatchObject({ actor: { username: RETENTION_ACTOR }, request: { days: 30 }, after: { erased: { cases: 2 } } });

    // A day later nothing more is due; two days after that, the case touched later is.
    expect((await sweepRetention({ store: care.store, days: 30, now: new Date(now.getTime() + DAY) })).caseIds).toEqual([]);
    expect((await sweepRetention({ store: care.store, days: 30, now: new Date(now.getTime() + 2 * DAY) })).caseIds).toEqual([touched]);
    expect((await admin.get(`/api/cases/${open}`)).body.case.erasedAt).toBeNull();
  });
});

describe('RETENTION_DAYS on a running server', () => {
  it('the worker sweeps on its own (at start, then every interval)', async () => {
    const care = await startCareServer({ RETENTION_DAYS: '1' }, { retentionIntervalMs: 100 });
    try {
      const admin = await care.login('admin');
      const id = await care.openCase('an old resolved case');
      expect((await admin.patch(`/api/cases/${id}`, { status: 'resolved' })).status).toBe(200);
      await care.store.collections.cases.updateOne(allTeamsScope(), { _id: id }, { $set: { updatedAt: new Date(Date.now() - 2 * DAY) } });
      await expect.poll(async () => (await admin.get(`/api/cases/${id}`)).body.case.erasedAt, { timeout: 20_000 }).not.toBeNull();
      expect((await admin.get(`/api/cases/${id}`)).body.messages[0].text).toBe('');
    } finally {
      await care.stop();
    }
  });
});
