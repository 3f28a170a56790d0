import { notFound } from '../errors.js';
import { presentCase, type PresentedCase } from '../presenters/case.js';
import { presentCaseEvent } from '../presenters/caseEvent.js';
import { presentMessage } from '../presenters/message.js';
import { allTeamsScope, type Store } from '../store/index.js';

/** GET /api/customers/:id/export: everything held about one person. */
export interface CustomerExport {
  exportedAt: string;
  customer: { id: string; handles: string[]; names: string[] };
  cases: PresentedCase[];
  messages: ReturnType<typeof presentMessage>[];
  events: ReturnType<typeof presentCaseEvent>[];
}

/** Whom to export: "platform:authorId" as the other customer routes take it, or a bare author id (every platform). */
export interface ExportedPerson {
  id: string;
  authorId: string;
  platform?: string;
}

/**
 * Everything held about a person (per platform author id): their cases,
 * every message they wrote or that is in their cases (our answers to them
 * included), and the cases' events (notes about them included). 404 when
 * nothing is held.
 */
export async function exportCustomer(store: Store, person: ExportedPerson, now = new Date()): Promise<CustomerExport> {
  const { cases: caseCollection, messages: messageCollection, caseEvents } = store.collections;
  const customerId = person.authorId;
  const onPlatform = person.platform === undefined ? {} : { platform: person.platform };
  const cases = await caseCollection.find(allTeamsScope(), { 'customer.id': customerId, ...onPlatform }, { sort: { createdAt: 1 } });
  const caseIds = cases.map((doc) => doc._id);
  const messages = await messageCollection.find({ $or: [{ 'author.id': customerId, ...onPlatform }, { caseId: { $in: caseIds } }] }, { sort: { createdAt: 1 } });
  if (cases.length === 0 && messages.length === 0) throw notFound('customer');
  const events = caseIds.length === 0 ? [] : await caseEvents.find({ caseId: { $in: caseIds } }, { sort: { caseId: 1, seq: 1 } });
  const own = messages.filter((doc) => doc.author.id === customerId);
  return {
    exportedAt: now.toISOString(),
    customer: {
      id: person.id,
      handles: [...new Set([...cases.map((doc) => doc.customer.handle), ...own.map((doc) => doc.author.handle)].filter((value): value is string => typeof value === 'string'))],
      names: [...new Set([...cases.map((doc) => doc.customer.name), ...own.map((doc) => doc.author.name)].filter((value): value is string => typeof value === 'string'))],
    },
    cases: cases.map(presentCase),
    messages: messages.map(presentMessage),
    events: events.map((doc) => presentCaseEvent(doc)),
  };
}
