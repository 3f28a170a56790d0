import type { SeededRandom as Prng } from '../../server/simulator/x/prng.js';

/**
 * Shares of the simulated audience. The rule builder reads them to aim each
 * rule's match rate; the corpus generator draws from them.
 */
export const population = {
  dmShare: 0.3,
  verifiedShare: 0.06,
  followersPresentShare: 0.95,
  /** Followers follow a Pareto law: P(followers >= x) = (minFollowers / x) ** followersAlpha. */
  minFollowers: 20,
  followersAlpha: 0.45,
  maxFollowers: 200_000_000,
} as const;

/** Probability that a message's author has at least `threshold` followers. */
export function followersAtLeast(threshold: number): number {
  const { followersPresentShare, minFollowers, followersAlpha } = population;
  if (threshold <= minFollowers) return followersPresentShare;
  return followersPresentShare * (minFollowers / threshold) ** followersAlpha;
}

/** The follower count reached by exactly `share` of messages, rounded to two significant digits. */
export function followersThresholdFor(share: number): number {
  const { followersPresentShare, minFollowers, followersAlpha } = population;
  const exact = minFollowers * (share / followersPresentShare) ** (-1 / followersAlpha);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(exact)) - 1);
  return Math.round(exact / magnitude) * magnitude;
}

/** Draws an author's follower count (undefined: the connector did not report one). */
export function drawFollowers(prng: Prng): number | undefined {
  const { followersPresentShare, minFollowers, followersAlpha, maxFollowers } = population;
  if (!prng.chance(followersPresentShare)) return undefined;
  const u = 1 - prng.next(); // (0, 1]
  return Math.min(maxFollowers, Math.floor(minFollowers * u ** (-1 / followersAlpha)));
}
