import type { CaseDocument, CustomerBlockDocument, Store, TeamScope } from '../../store/index.js';
import type { CustomerKey } from './customerKey.js';

// The person's cases shown at once; a person with more is rare and the newest are what matters.
const MAX_CASES = 200;

/** A person, their block if any, and the cases of theirs the scope may see (newest first, public and DM together). */
export interface CustomerProfile {
  customer: CustomerKey & { handle: string | null; name: string | null };
  block: CustomerBlockDocument | null;
  cases: CaseDocument[];
}

/** The person behind a platform author id, as the scope's cases know them; null when the scope sees none of their cases and they are not blocked. */
export async function customerProfile(store: Store, scope: TeamScope, key: CustomerKey): Promise<CustomerProfile | null> {
  const cases = await store.collections.cases.find(scope, { platform: key.platform, 'customer.id': key.authorId }, { sort: { createdAt: -1 }, limit: MAX_CASES });
  const block = await store.collections.customerBlocks.findOne({ customer: key.key });
  if (cases.length === 0 && !block) return null;
  const latest = cases[0]?.customer;
  return { customer: { ...key, handle: latest?.handle ?? null, name: latest?.name ?? null }, block, cases };
}
