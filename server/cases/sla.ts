import type { Tier } from '../routing/index.js';

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

/** When the next response-time target of a case falls due: first response until one is sent, then resolution. */
export function slaDueAt(tier: Tier, openedAt: Date, firstResponseAt: Date | null, targets: Record<Tier, TierTargets>): Date {
  const target = targets[tier];
  if (firstResponseAt === null) return new Date(openedAt.getTime() + target.firstResponseMinutes * 60_000);
  return new Date(openedAt.getTime() + target.resolutionMinutes * 60_000);
}
