import type { Tier } from '../routing/index.js';
import { addBusinessMs, type TeamHours } from './businessHours.js';

/** Response-time targets of a tier, in minutes. */
export interface TierTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

/** Defaults a care lead would start from; tier 0 is the bot (it answers at once), so only its escalations are timed. */
export const DEFAULT_SLA: Record<Tier, TierTargets> = {
  0: { firstResponseMinutes: 60, resolutionMinutes: 24 * 60 },
  1: { firstResponseMinutes: 60, resolutionMinutes: 24 * 60 },
  2: { firstResponseMinutes: 30, resolutionMinutes: 72 * 60 },
};

/**
 * When the next response-time target of a case falls due: first response
 * until one is sent, then resolution; counted in the owning team's open
 * hours (none set: all hours), plus `pausedMs` of open hours the clock
 * stood still (pending or snoozed). Null when the hours never open again.
 */
export function slaDueAt(tier: Tier, openedAt: Date, firstResponseAt: Date | null, targets: Record<Tier, TierTargets>, hours: TeamHours | null, pausedMs = 0): Date | null {
  const target = targets[tier];
  const minutes = firstResponseAt === null ? target.firstResponseMinutes : target.resolutionMinutes;
  return addBusinessMs(hours, openedAt, minutes * 60_000 + pausedMs);
}
