import { DateTime, IANAZone } from 'luxon';
import { unprocessable } from '../../errors.js';
import type { TeamHours } from '../../presenters/teamHours.js';
import type { TeamHoursBody } from '../../routes/teams/bodies.js';

/**
 * Business hours as stored, from a body the schema has shaped: 422 with a
 * pointer per problem the schema cannot see (an unknown time zone, a window
 * that closes before it opens, a date that is not on the calendar).
 */
export function checkedTeamHours(body: TeamHoursBody): TeamHours {
  const problems: Array<{ pointer: string; message: string }> = [];
  if (!IANAZone.isValidZone(body.timeZone)) problems.push({ pointer: '/hours/timeZone', message: `"${body.timeZone}" is not an IANA time zone (e.g. Europe/London)` });
  body.weekly.forEach((window, index) => {
    if (window.to <= window.from) problems.push({ pointer: `/hours/weekly/${index}/to`, message: `must be after "from" (${window.from})` });
  });
  const holidays = body.holidays ?? [];
  holidays.forEach((date, index) => {
    if (!DateTime.fromISO(date).isValid) problems.push({ pointer: `/hours/holidays/${index}`, message: `"${date}" is not a date` });
  });
  if (problems.length > 0) throw unprocessable('invalid business hours', problems);
  return { timeZone: body.timeZone, weekly: body.weekly.map((window) => ({ days: [...window.days], from: window.from, to: window.to })), holidays: [...holidays].sort() };
}
