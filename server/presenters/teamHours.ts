/*
 * A team's business hours as the API takes and shows them (api.md "Agent
 * workspace" `hours`). Import-free, because the client uses it (type-only).
 */

/** A day of the week, as `hours.weekly[].days` names it. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** When a team is open: weekly windows in its time zone, minus holidays. Response targets count only these hours. */
export interface TeamHours {
  /** An IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
  /** Local opening windows: `from` and `to` are `HH:MM` (`to` may be `24:00`), `from` before `to`. */
  weekly: Array<{ days: Weekday[]; from: string; to: string }>;
  /** Local dates (`YYYY-MM-DD`) the team is closed all day. */
  holidays: string[];
}
