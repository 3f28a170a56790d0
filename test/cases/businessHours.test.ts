/**
 * Business-time maths (api.md "Agent workspace": response targets count only
 * the team's open hours), on fixed instants around London's 2026 DST changes
 * (29 March: 01:00 GMT → 02:00 BST; 25 October: 02:00 BST → 01:00 GMT) and a holiday.
 */
import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, isOpenAt, type TeamHours } from '../../server/cases/businessHours.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const london: TeamHours = { timeZone: 'Europe/London', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:30' }], holidays: ['2026-12-25'] };
const at = (iso: string) => new Date(iso);

describe('business hours', () => {
  it('carries a target over the weekend of the spring DST change: Friday 17:00 GMT + 1 h is Monday 09:30 BST (08:30Z)', () => {
    expect(addBusinessMs(london, at('2026-03-27T17:00:00Z'), HOUR)?.toISOString()).toBe('2026-03-30T08:30:00.000Z');
    expect(businessMsBetween(london, at('2026-03-27T17:00:00Z'), at('2026-03-30T08:30:00Z'))).toBe(HOUR);
  });

  it('opens at 09:00 local time on both sides of the autumn change', () => {
    // Friday 23 October is BST (09:00 = 08:00Z); Monday 26 October is GMT (09:00 = 09:00Z).
    expect(isOpenAt(london, at('2026-10-23T08:00:00Z'))).toBe(true);
    expect(isOpenAt(london, at('2026-10-26T08:30:00Z'))).toBe(false);
    expect(addBusinessMs(london, at('2026-10-23T16:00:00Z'), HOUR)?.toISOString()).toBe('2026-10-26T09:30:00.000Z');
  });

  it('counts a day whose clock skips an hour as the wall clock says: a 24-hour window on the spring Sunday is 23 hours', () => {
    const always: TeamHours = { timeZone: 'Europe/London', weekly: [{ days: ['sun'], from: '00:00', to: '24:00' }], holidays: [] };
    expect(businessMsBetween(always, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(23 * HOUR);
    expect(businessMsBetween(always, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(25 * HOUR);
  });

  it('skips a holiday: Thursday 24 December 17:00 + 1 h is Monday 28 December 09:30 (25th a holiday, then the weekend)', () => {
    expect(addBusinessMs(london, at('2026-12-24T17:00:00Z'), HOUR)?.toISOString()).toBe('2026-12-28T09:30:00.000Z');
    expect(businessMsBetween(london, at('2026-12-24T00:00:00Z'), at('2026-12-26T00:00:00Z'))).toBe(8.5 * HOUR);
  });

  it('starts counting at opening time when a case arrives before it, and merges overlapping windows', () => {
    const split: TeamHours = { timeZone: 'America/New_York', weekly: [{ days: ['mon'], from: '09:00', to: '12:00' }, { days: ['mon'], from: '11:00', to: '13:00' }, { days: ['mon'], from: '14:00', to: '15:00' }], holidays: [] };
    // Monday 2 November 2026 is EST (UTC-5): 09:00 = 14:00Z.
    expect(addBusinessMs(split, at('2026-11-02T06:00:00Z'), 30 * MINUTE)?.toISOString()).toBe('2026-11-02T14:30:00.000Z');
    expect(businessMsBetween(split, at('2026-11-02T00:00:00Z'), at('2026-11-03T00:00:00Z'))).toBe(5 * HOUR);
    expect(addBusinessMs(split, at('2026-11-02T14:00:00Z'), 4.5 * HOUR)?.toISOString()).toBe('2026-11-02T19:30:00.000Z');
  });

  it('is plain time when no hours are set, and never due when the hours never open', () => {
    expect(addBusinessMs(null, at('2026-03-27T17:00:00Z'), HOUR)?.toISOString()).toBe('2026-03-27T18:00:00.000Z');
    expect(businessMsBetween(null, at('2026-03-27T17:00:00Z'), at('2026-03-27T18:00:00Z'))).toBe(HOUR);
    const closed: TeamHours = { timeZone: 'UTC', weekly: [{ days: ['mon'], from: '09:00', to: '10:00' }], holidays: [] };
    closed.holidays = Array.from({ length: 200 }, (_, week) => new Date(Date.UTC(2026, 10, 30) + week * 7 * 24 * HOUR).toISOString().slice(0, 10));
    expect(addBusinessMs({ ...closed, holidays: closed.holidays.slice(0, 10) }, at('2026-11-30T00:00:00Z'), HOUR)).not.toBeNull();
    expect(addBusinessMs(closed, at('2026-11-30T00:00:00Z'), 10 * 60 * HOUR)).toBeNull();
  });
});
