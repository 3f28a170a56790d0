import type { CaseDocument } from '../store/index.js';
import { addBusinessMs, businessMsBetween, type TeamHours } from './businessHours.js';

/** The response-clock fields of a case. */
export type ClockFields = Pick<CaseDocument, 'slaDueAt' | 'slaPausedAt' | 'slaRemainingMs' | 'slaPausedMs'>;

/** The clock of a freshly started target: running, nothing paused yet. */
export const FRESH_CLOCK = { slaPausedAt: null, slaRemainingMs: null, slaPausedMs: 0 } as const;

/** Whether a case's response clock stands still: waiting on the customer (`pending`) or snoozed. */
export function clockPaused(state: { status: string; snoozedUntil?: Date | null }): boolean {
  return state.status === 'pending' || Boolean(state.snoozedUntil);
}

/**
 * What stops or restarts a case's response clock when its status or snooze
 * changes to `next`: stopping keeps the open-hours time left to the target
 * and clears slaDueAt (so nothing falls due while paused); restarting sets
 * slaDueAt that much open time after now and adds the pause to slaPausedMs.
 * Empty when the clock keeps running or keeps standing still.
 */
export function clockChange(current: CaseDocument, next: { status: string; snoozedUntil?: Date | null }, now: Date, hours: TeamHours | null): Partial<ClockFields> {
  const was = clockPaused(current);
  const will = clockPaused(next);
  if (was === will) return {};
  if (will) {
    const due = current.slaDueAt ?? null;
    return { slaPausedAt: now, slaRemainingMs: due ? businessMsBetween(hours, now, due) : null, slaDueAt: null };
  }
  if (!current.slaPausedAt) return {};
  const resumed: Partial<ClockFields> = { slaPausedAt: null, slaRemainingMs: null, slaPausedMs: (current.slaPausedMs ?? 0) + businessMsBetween(hours, current.slaPausedAt, now) };
  if (current.slaRemainingMs !== null && current.slaRemainingMs !== undefined) resumed.slaDueAt = addBusinessMs(hours, now, current.slaRemainingMs);
  return resumed;
}

/** How a case shows its response target: `due` (running, slaDueAt set), `paused`, `missed` (slaBreachedAt set) or null (no target). */
export function slaState(doc: Pick<CaseDocument, 'status' | 'slaDueAt' | 'slaBreachedAt' | 'slaPausedAt' | 'slaRemainingMs'>): 'due' | 'paused' | 'missed' | null {
  if (doc.status === 'resolved' || doc.status === 'bot' || doc.status === 'suppressed') return null;
  if (doc.slaBreachedAt) return 'missed';
  if (doc.slaPausedAt && doc.slaRemainingMs !== null && doc.slaRemainingMs !== undefined) return 'paused';
  return doc.slaDueAt ? 'due' : null;
}

/** The clock of a target started now and due at `due`: running, or, on a paused case, stopped with all of it left. */
export function startedClock(due: Date | null, paused: boolean, now: Date, hours: TeamHours | null): Partial<ClockFields> {
  if (!paused) return { slaDueAt: due, ...FRESH_CLOCK };
  return { slaDueAt: null, slaPausedAt: now, slaRemainingMs: due ? businessMsBetween(hours, now, due) : null, slaPausedMs: 0 };
}

/** The clock moved on to the next target of the same clock (first response → resolution), due at `due` while running: on a paused case it is kept as the time left when the pause began. */
export function nextTargetClock(current: CaseDocument, due: Date | null, hours: TeamHours | null): Partial<ClockFields> {
  if (!current.slaPausedAt) return { slaDueAt: due };
  return { slaRemainingMs: due ? businessMsBetween(hours, current.slaPausedAt, due) : null };
}
