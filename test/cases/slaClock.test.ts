/**
 * The response clock's pause and restart (api.md: the clock stops while a
 * case is pending or snoozed), on fixed instants, in a team's business hours.
 */
import { describe, expect, it } from 'vitest';
import type { TeamHours } from '../../server/cases/businessHours.js';
import { clockChange, nextTargetClock, slaState, startedClock } from '../../server/cases/slaClock.js';
import type { CaseDocument } from '../../server/store/index.js';

const MINUTE = 60_000;
const utcOffice: TeamHours = { timeZone: 'UTC', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }], holidays: [] };
const at = (iso: string) => new Date(iso);
const aCase = (fields: Partial<CaseDocument>) => ({ status: 'open', snoozedUntil: null, slaDueAt: null, slaPausedAt: null, slaRemainingMs: null, slaPausedMs: 0, slaBreachedAt: null, ...fields }) as CaseDocument;

describe('the response clock', () => {
  it('stops with the business time left, and restarts it after the pause, adding the pause to slaPausedMs', () => {
    const running = aCase({ slaDueAt: at('2026-12-04T16:30:00Z') });
    // Friday 16:00: 30 minutes left.
    const paused = clockChange(running, { status: 'pending' }, at('2026-12-04T16:00:00Z'), utcOffice);
    expect(paused).toEqual({ slaPausedAt: at('2026-12-04T16:00:00Z'), slaRemainingMs: 30 * MINUTE, slaDueAt: null });
    const stopped = aCase({ ...paused, status: 'pending' });
    // Reopened on Monday 10:00: the pause took 1 h of Friday and 1 h of Monday.
    const resumed = clockChange(stopped, { status: 'open' }, at('2026-12-07T10:00:00Z'), utcOffice);
    expect(resumed).toEqual({ slaPausedAt: null, slaRemainingMs: null, slaPausedMs: 2 * 60 * MINUTE, slaDueAt: at('2026-12-07T10:30:00Z') });
  });

  it('changes nothing when pending and snoozed swap (still paused) or the case runs on', () => {
    const stopped = aCase({ status: 'pending', slaPausedAt: at('2026-12-04T16:00:00Z'), slaRemainingMs: MINUTE });
    expect(clockChange(stopped, { status: 'open', snoozedUntil: at('2026-12-08T09:00:00Z') }, at('2026-12-05T10:00:00Z'), utcOffice)).toEqual({});
    expect(clockChange(aCase({ slaDueAt: at('2026-12-04T16:30:00Z') }), { status: 'new' }, at('2026-12-04T16:00:00Z'), utcOffice)).toEqual({});
  });

  it('keeps a new target stopped on a paused case: escalation (all of it left) and the first response (left as of the pause)', () => {
    expect(startedClock(at('2026-12-07T09:30:00Z'), true, at('2026-12-04T16:00:00Z'), utcOffice)).toEqual({ slaDueAt: null, slaPausedAt: at('2026-12-04T16:00:00Z'), slaRemainingMs: 90 * MINUTE, slaPausedMs: 0 });
    expect(startedClock(at('2026-12-07T09:30:00Z'), false, at('2026-12-04T16:00:00Z'), utcOffice)).toEqual({ slaDueAt: at('2026-12-07T09:30:00Z'), slaPausedAt: null, slaRemainingMs: null, slaPausedMs: 0 });
    const stopped = aCase({ status: 'pending', slaPausedAt: at('2026-12-04T16:00:00Z'), slaRemainingMs: 10 * MINUTE });
    expect(nextTargetClock(stopped, at('2026-12-08T16:00:00Z'), utcOffice)).toEqual({ slaRemainingMs: (1 + 8 + 7) * 60 * MINUTE });
    expect(nextTargetClock(aCase({}), at('2026-12-08T16:00:00Z'), utcOffice)).toEqual({ slaDueAt: at('2026-12-08T16:00:00Z') });
  });

  it('reads as due, paused, missed, or no target', () => {
    expect(slaState(aCase({ slaDueAt: at('2026-12-04T16:30:00Z') }))).toBe('due');
    expect(slaState(aCase({ status: 'pending', slaPausedAt: at('2026-12-04T16:00:00Z'), slaRemainingMs: 0 }))).toBe('paused');
    expect(slaState(aCase({ slaBreachedAt: at('2026-12-04T16:30:00Z'), slaPausedAt: at('2026-12-04T17:00:00Z'), slaRemainingMs: 0 }))).toBe('missed');
    expect(slaState(aCase({ status: 'suppressed', slaPausedAt: at('2026-12-04T17:00:00Z'), slaRemainingMs: null }))).toBeNull();
    expect(slaState(aCase({ status: 'resolved', slaDueAt: at('2026-12-04T16:30:00Z') }))).toBeNull();
  });
});
