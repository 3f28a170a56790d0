import type { Tier } from '../api/types.js';

const TIER_NAMES: Record<Tier, string> = { 0: 'Bot', 1: 'Agent', 2: 'Private' };

/** The tier as words and colour (the colour is never the only signal). */
export function TierBadge({ tier }: { tier: Tier }) {
  return (
    <span className={`badge tier-${tier}`} title={`Tier ${tier}: ${TIER_NAMES[tier]}`}>
      T{tier} {TIER_NAMES[tier]}
    </span>
  );
}
