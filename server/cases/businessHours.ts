import { DateTime } from 'luxon';
import type { TeamHours, Weekday } from '../presenters/teamHours.js';

export type { TeamHours, Weekday } from '../presenters/teamHours.js';

/** Luxon's weekday 1 (Monday) … 7 (Sunday), as `hours.weekly[].days` names it. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Looking further ahead than this for an open hour means the hours never open (say, every open day a holiday).
const MAX_DAYS = 3 * 366;

type Span = [start: number, end: number];

/**
 * The time between `from` and `to` (epoch ms) that falls in the team's open
 * hours; with no hours set, all of it. Each local day's windows are turned
 * into instants by Luxon in the team's time zone, so a DST change makes that
 * day's window an hour shorter or longer, as the clock on the wall says.
 */
export function businessMsBetween(hours: TeamHours | null, from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (!hours) return end - start;
  let total = 0;
  for (let n = dayNumberOf(hours, start), day = dayOf(hours, n); day.start < end; n += 1, day = dayOf(hours, n)) {
    for (const [open, close] of day.spans) total += Math.max(0, Math.min(close, end) - Math.max(open, start));
  }
  return total;
}

/** The instant `ms` of open hours after `from` (with no hours set: plain time); null when the hours never open again. */
export function addBusinessMs(hours: TeamHours | null, from: Date, ms: number): Date | null {
  const start = from.getTime();
  if (!hours) return new Date(start + Math.max(0, ms));
  let left = Math.max(0, ms);
  const first = dayNumberOf(hours, start);
  for (let n = first; n < first + MAX_DAYS; n += 1) {
    for (const [open, close] of dayOf(hours, n).spans) {
      const begin = Math.max(open, start);
      if (close <= begin) continue;
      if (left <= close - begin) return new Date(begin + left);
      left -= close - begin;
    }
  }
  return null;
}

/** Whether the team is open at that instant (no hours set: always). */
export function isOpenAt(hours: TeamHours | null, at: Date): boolean {
  if (!hours) return true;
  const t = at.getTime();
  return dayOf(hours, dayNumberOf(hours, t)).spans.some(([open, close]) => open <= t && t < close);
}

/** A local day of a team: when it starts and its open spans (epoch ms). */
interface LocalDay {
  start: number;
  spans: Span[];
}

// Turning local times into instants is the costly part (Intl offsets), and the metrics ask for the same days case after case:
// kept per hours object (hours are read fresh from the store for each pass and never changed in place), by local day number.
const DAYS_CACHED = new WeakMap<TeamHours, Map<number, LocalDay>>();
const MAX_CACHED_DAYS = 20_000;

/** The local calendar day (days since 1970-01-01) an instant falls on in the team's zone. */
function dayNumberOf(hours: TeamHours, epochMs: number): number {
  const local = DateTime.fromMillis(epochMs, { zone: hours.timeZone });
  return Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
}

function dayOf(hours: TeamHours, dayNumber: number): LocalDay {
  let days = DAYS_CACHED.get(hours);
  if (!days) DAYS_CACHED.set(hours, (days = new Map()));
  let day = days.get(dayNumber);
  if (!day) {
    const date = new Date(dayNumber * 86_400_000);
    const local = DateTime.fromObject({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, { zone: hours.timeZone }).startOf('day');
    day = { start: local.toMillis(), spans: openSpans(hours, local) };
    if (days.size >= MAX_CACHED_DAYS) days.clear();
    days.set(dayNumber, day);
  }
  return day;
}

/** One local day's open spans (epoch ms), ordered and merged; none on a holiday. */
function openSpans(hours: TeamHours, day: DateTime): Span[] {
  if (hours.holidays.includes(day.toISODate() ?? '')) return [];
  const weekday = WEEKDAYS[day.weekday - 1]!;
  const spans = hours.weekly
    .filter((window) => window.days.includes(weekday))
    .map((window): Span => [localTime(day, window.from), localTime(day, window.to)])
    .filter(([open, close]) => close > open)
    .sort((a, b) => a[0] - b[0]);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** `HH:MM` on that local day as an instant; a time skipped by a DST change moves forward by the gap (Luxon's rule); `24:00` is the next midnight. */
function localTime(day: DateTime, hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  if (hour === 24) return day.plus({ days: 1 }).startOf('day').toMillis();
  return day.set({ hour, minute }).toMillis();
}
