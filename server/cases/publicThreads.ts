import { allTeamsScope, type CaseDocument, type MessageDocument, type Store } from '../store/index.js';
import { afterPosition, BY_ACTIVITY, pageOf, type ActivityPosition } from './activityPage.js';

/**
 * What the marketing monitor may read: public conversations outside the
 * private help desk (tier 2 holds the cases with personal data). It reads
 * across all teams on purpose; this filter is the whole of its access.
 */
const PUBLIC_THREADS = { channel: 'public', tier: { $in: [0, 1] } } as const;

export interface PublicThread {
  case: CaseDocument;
  /** Its public messages, oldest first. */
  messages: MessageDocument[];
}

/** A page of public threads, newest activity first, each with its public messages. */
export async function publicThreads(props: { store: Store; limit: number; after?: ActivityPosition }): Promise<{ items: PublicThread[]; next: ActivityPosition | null }> {
  const { collections } = props.store;
  const filter = { ...PUBLIC_THREADS, ...(props.after ? afterPosition(props.after) : {}) };
  const page = pageOf(await collections.cases.find(allTeamsScope(), filter, { sort: BY_ACTIVITY, limit: props.limit + 1 }), props.limit);
  const ids = page.items.map((doc) => doc._id);
  const messages = ids.length === 0 ? [] : await collections.messages.find({ caseId: { $in: ids }, channel: 'public' }, { sort: { createdAt: 1 } });
  const byCase = new Map<string, MessageDocument[]>(ids.map((id) => [id, []]));
  for (const message of messages) byCase.get(message.caseId ?? '')?.push(message);
  return { items: page.items.map((doc) => ({ case: doc, messages: byCase.get(doc._id) ?? [] })), next: page.next };
}
