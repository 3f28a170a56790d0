import type { WithinValue, Weekday } from './types.js';

const WEEKDAYS: Record<string, Weekday> = {
  Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let formatter = formatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, formatter);
  }
  return formatter;
}

/** Whether `tz` names a time zone this runtime knows (IANA). */
export function isKnownTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz.length === 0) return false;
  try {
    formatterFor(tz);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** Minutes since midnight of an "HH:MM" string (24:00 allowed as an end). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** Local weekday and minute of the day of an instant in a time zone. */
export function localWeekdayAndMinute(epochMs: number, tz: string): { day: Weekday; minute: number } {
  let day: Weekday = 'mon';
  let hour = 0;
  let minute = 0;
  for (const part of formatterFor(tz).formatToParts(epochMs)) {
    if (part.type === 'weekday') day = WEEKDAYS[part.value] ?? day;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { day, minute: hour * 60 + minute };
}

/** Builds the predicate of a `within` value: local day in `days` and from <= time < to. */
export function compileWithin(value: WithinValue): (epochMs: number) => boolean {
  const days = new Set(value.days);
  const from = minutesOf(value.from);
  const to = minutesOf(value.to);
  return (epochMs) => {
    if (Number.isNaN(epochMs)) return false;
    const local = localWeekdayAndMinute(epochMs, value.tz);
    return days.has(local.day) && local.minute >= from && local.minute < to;
  };
}
