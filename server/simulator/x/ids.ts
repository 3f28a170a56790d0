/** Snowflake-like ids: numeric strings that grow with time, as X's tweet, DM event and media ids do. */

/** X's snowflake epoch (2010-11-04T01:42:54.657Z), so ids decode to plausible times. */
export const SNOWFLAKE_EPOCH_MS = 1288834974657n;

/** Orders two numeric id strings (negative, zero or positive), without BigInt for speed. */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True for a string X would accept as a tweet, user or DM event id. */
export function isSnowflake(value: string): boolean {
  return /^[0-9]{1,19}$/.test(value);
}

/** Hands out strictly increasing snowflake ids derived from a timestamp. */
export class SnowflakeIds {
  private last = 0n;

  /** A new id for something created at `timeMs`, always greater than every id handed out before. */
  next(timeMs: number): string {
    const fromTime = (BigInt(Math.max(0, Math.floor(timeMs))) - SNOWFLAKE_EPOCH_MS) << 22n;
    const candidate = fromTime > this.last ? fromTime : this.last + 1n;
    this.last = candidate;
    return candidate.toString();
  }
}

/** The id X gives a one-to-one DM conversation: both user ids, lower first, joined by '-'. */
export function oneToOneConversationId(userA: string, userB: string): string {
  return compareIds(userA, userB) <= 0 ? `${userA}-${userB}` : `${userB}-${userA}`;
}
