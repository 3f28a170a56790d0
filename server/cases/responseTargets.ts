import type { Tier } from '../routing/index.js';
import { DEFAULT_SLA, type TierTargets } from './sla.js';

/** Each tier's response-time targets. */
export type ResponseTargets = Record<Tier, TierTargets>;

const DURATION = /^(\d{1,6})(m|h|d)$/;
const MINUTES = { m: 1, h: 60, d: 24 * 60 } as const;

/**
 * Reads RESPONSE_TARGETS: comma-separated `TIER=FIRST/RESOLUTION` with durations in
 * minutes, hours or days, e.g. `1=60m/24h,2=30m/3d`. Tiers not named keep their defaults.
 */
export function parseResponseTargets(text: string): { targets: ResponseTargets } | { problems: string[] } {
  const targets: ResponseTargets = { ...DEFAULT_SLA };
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [index, part] of text.split(',').map((item) => item.trim()).entries()) {
    const where = `RESPONSE_TARGETS item ${index + 1} ("${part}")`;
    // Tier 0 is the bot, which answers at once: its cases carry no target.
    const match = /^([12])=([^/]+)\/(.+)$/.exec(part);
    if (!match) {
      problems.push(`${where} must look like TIER=FIRST/RESOLUTION, e.g. 1=60m/24h (tier 1 or 2; durations in m, h or d)`);
      continue;
    }
    const [, tier, first, resolution] = match as unknown as [string, '1' | '2', string, string];
    if (seen.has(tier)) problems.push(`${where} names tier ${tier} again`);
    seen.add(tier);
    const firstResponseMinutes = minutesOf(first);
    const resolutionMinutes = minutesOf(resolution);
    if (firstResponseMinutes === null || resolutionMinutes === null) {
      problems.push(`${where}: durations are a whole number of m, h or d, greater than 0 (got "${first}" and "${resolution}")`);
    } else if (resolutionMinutes < firstResponseMinutes) {
      problems.push(`${where}: the resolution target (${resolution}) cannot come before the first-response target (${first})`);
    } else {
      targets[Number(tier) as Tier] = { firstResponseMinutes, resolutionMinutes };
    }
  }
  return problems.length > 0 ? { problems } : { targets };
}

function minutesOf(duration: string): number | null {
  const match = DURATION.exec(duration.trim());
  if (!match) return null;
  const minutes = Number(match[1]) * MINUTES[match[2] as keyof typeof MINUTES];
  return minutes > 0 ? minutes : null;
}
