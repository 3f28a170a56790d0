/**
 * Business hours per team (api.md "Agent workspace": PATCH /api/teams/:name
 * {hours}): the route's checks, and response targets counted in the team's
 * open hours across London's spring DST change and a holiday, paused while
 * the case is pending or snoozed, shown as due / paused / missed. The
 * message times and every command's `now` are fixed instants.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { markSlaBreaches } from '../../server/commands/markSlaBreaches.js';
import { updateCase } from '../../server/commands/updateCase.js';
import { wakeSnoozedCases } from '../../server/commands/wakeSnoozedCases.js';
import { allTeamsScope } from '../../server/store/index.js';
import { useCareServer } from './careClient.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const HOURS = { timeZone: 'Europe/London', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' }], holidays: ['2026-03-30'] };

const care = useCareServer();
const admin = care.loggedIn('admin');
const ana = care.loggedIn('ana');
beforeAll(async () => {
  // "broken" routes to social (tier 1: first response 60 min by default).
  expect((await admin.patch('/api/teams/social', { hours: HOURS })).status).toBe(200);
});

const caseBody = async (id: string) => (await ana.get(`/api/cases/${id}`)).body.case;
const asAna = async () => {
  const user = (await care.store.collections.users.findOne({ username: 'ana' }))!;
  return { id: user._id, username: 'ana', role: 'agent' as const, teams: ['care', 'social'] };
};

describe('PATCH /api/teams/:name {hours}', () => {
  it('stores and shows the hours (holidays sorted, optional), and null sets every hour again', async () => {
    const saved = await admin.patch('/api/teams/care', { hours: { timeZone: 'America/New_York', weekly: [{ days: ['sat', 'sun'], from: '10:00', to: '24:00' }], holidays: ['2026-12-31', '2026-12-25'] } });
    expect(saved.status).toBe(200);
    expect(saved.body.team.hours).toEqual({ timeZone: 'America/New_York', weekly: [{ days: ['sat', 'sun'], from: '10:00', to: '24:00' }], holidays: ['2026-12-25', '2026-12-31'] });
    expect((await admin.get('/api/teams')).body.teams.find((team: { name: string }) => team.name === 'care').hours.timeZone).toBe('America/New_York');
    expect((await admin.patch('/api/teams/care', { hours: { timeZone: 'UTC', weekly: [{ days: ['mon'], from: '09:00', to: '10:00' }] } })).body.team.hours.holidays).toEqual([]);
    const cleared = await admin.patch('/api/teams/care', { hours: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.team.hours).toBeNull();
  });

  it('refuses a bad shape (400) and what the shape cannot see (422), each with a pointer', async () => {
    const shape = await admin.patch('/api/teams/care', { hours: { timeZone: 'UTC', weekly: [{ days: ['mon', 'funday'], from: '9:00', to: '10:00' }] } });
    expect(shape.status).toBe(400);
    const pointers = shape.body.error.details.map((detail: { pointer: string }) => detail.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/hours/weekly/0/days/1', '/hours/weekly/0/from']));
    expect((await admin.patch('/api/teams/care', { hours: { timeZone: 'UTC', weekly: [] } })).body.error.details[0].pointer).toBe('/hours/weekly');
    const meaning = await admin.patch('/api/teams/care', { hours: { timeZone: 'Mars/Olympus', weekly: [{ days: ['mon'], from: '17:00', to: '09:00' }], holidays: ['2026-02-30'] } });
    expect(meaning.status).toBe(422);
    expect(meaning.body.error.details.map((detail: { pointer: string }) => detail.pointer)).toEqual(['/hours/timeZone', '/hours/weekly/0/to', '/hours/holidays/0']);
    expect((await admin.get('/api/teams')).body.teams.find((team: { name: string }) => team.name === 'care').hours).toBeNull();
  });

  it('is for admins only, and 404 for an unknown team', async () => {
    expect((await ana.patch('/api/teams/care', { hours: null })).status).toBe(403);
    expect((await admin.patch('/api/teams/nosuchteam', { hours: HOURS })).status).toBe(404);
  });
});

describe('response targets in business time', () => {
  it('counts only open hours: Friday 27 March 17:00 GMT + 1 h skips the weekend (DST starts) and the Monday holiday', async () => {
    const id = await care.openCase('my router is broken', { createdAt: '2026-03-27T17:00:00Z' });
    const opened = await caseBody(id);
    // 30 minutes on Friday, then Tuesday 31 March 09:00 BST (08:00Z) + 30 minutes.
    expect(opened).toMatchObject({ team: 'social', slaDueAt: '2026-03-31T08:30:00.000Z', slaState: 'due', slaRemainingMs: null });
  });

  it('stops the clock while pending or snoozed and runs it on from where it stopped; a missed target shows missed', async () => {
    const id = await care.openCase('still broken', { createdAt: '2026-03-27T17:00:00Z' });
    const actor = await asAna();
    const change = (changes: Record<string, unknown>, iso: string) => updateCase({ store: care.store, scope: allTeamsScope(), actor, caseId: id, changes, now: new Date(iso) });

    // Tuesday 08:00Z (09:00 BST): 30 minutes left. Pending until Friday 3 April 17:15Z (18:15 BST, closed).
    await change({ status: 'pending' }, '2026-03-31T08:00:00Z');
    expect(await caseBody(id)).toMatchObject({ slaDueAt: null, slaState: 'paused', slaRemainingMs: 30 * MINUTE });
    await change({ status: 'open' }, '2026-04-03T17:15:00Z');
    expect(await caseBody(id)).toMatchObject({ slaDueAt: '2026-04-06T08:30:00.000Z', slaState: 'due', slaRemainingMs: null });

    // Snoozed on Monday 6 April 08:10Z with 20 minutes left; the sweep wakes it on Tuesday 12:00Z (13:00 BST).
    await change({ snoozedUntil: '2026-04-07T12:00:00Z' }, '2026-04-06T08:10:00Z');
    expect(await caseBody(id)).toMatchObject({ slaState: 'paused', slaRemainingMs: 20 * MINUTE });
    expect(await markSlaBreaches({ store: care.store, now: new Date('2026-04-06T09:00:00Z') })).not.toContain(id);
    expect(await wakeSnoozedCases({ store: care.store, now: new Date('2026-04-07T12:00:00Z') })).toContain(id);
    expect(await caseBody(id)).toMatchObject({ snoozedUntil: null, slaDueAt: '2026-04-07T12:20:00.000Z', slaState: 'due' });

    expect(await markSlaBreaches({ store: care.store, now: new Date('2026-04-07T12:21:00Z') })).toContain(id);
    expect((await caseBody(id)).slaState).toBe('missed');
  });

  it('counts business time in the metrics: a first response on Tuesday 08:30Z to a Friday 17:00 message took 1 h', async () => {
    const id = await care.openCase('broken again', { createdAt: '2026-03-27T17:00:00Z' });
    await care.store.collections.cases.updateOne(allTeamsScope(), { _id: id }, { $set: { firstResponseAt: new Date('2026-03-31T08:30:00Z') } });
    const { body } = await admin.get('/api/metrics?from=2026-01-01T00:00:00Z');
    expect(body.firstResponse.byTeam.social).toMatchObject({ p50Ms: HOUR });
  });
});
