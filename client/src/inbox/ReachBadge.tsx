import type { Case } from '../api/types.js';

/** Followers from which a customer counts as high reach: what they say is seen widely. */
export const HIGH_REACH_FOLLOWERS = 10_000;

/** "VIP" (customer.vip or a verified author) or "High reach" (many followers), else nothing. */
export function ReachBadge({ customer }: { customer: Case['customer'] }) {
  if (customer.vip) return <span className="reach-badge vip" title="VIP customer or verified account">VIP</span>;
  if ((customer.followers ?? 0) >= HIGH_REACH_FOLLOWERS) {
    return <span className="reach-badge" title={`${customer.followers!.toLocaleString()} followers`}>High reach</span>;
  }
  return null;
}
