import type { Message } from '../routing/index.js';
import { allTeamsScope, type CaseDocument, type Store } from '../store/index.js';
import { threadIdOf } from './newCase.js';

/** What ingestion needs to know of a stored case to find it again. */
export type CaseKeyFields = Pick<CaseDocument, '_id' | 'platform' | 'threadId' | 'channel' | 'customer' | 'createdAt' | 'routing'>;

const KEY_FIELDS = ['platform', 'threadId', 'channel', 'customer', 'createdAt', 'routing'] as const;

/**
 * The cases of the conversations a batch touches, by the key api.md gives a
 * case: a DM conversation is one case; in a public conversation each
 * customer has a case of their own. Several cases of one key (data stored
 * before the key was unique) resolve to the oldest.
 */
export class CaseIndex {
  private readonly byCustomer = new Map<string, CaseKeyFields>();
  /** A thread's cases, oldest first. */
  private readonly byThread = new Map<string, CaseKeyFields[]>();

  /** Reads the cases of the messages' threads (one query per platform). */
  static async load(store: Store, messages: readonly Message[]): Promise<CaseIndex> {
    const index = new CaseIndex();
    await index.loadThreads(store, messages);
    return index;
  }

  /** Reads (again) the cases of the messages' threads, e.g. after another process opened one first. */
  async loadThreads(store: Store, messages: readonly Message[]): Promise<void> {
    const threadsByPlatform = new Map<string, Set<string>>();
    for (const message of messages) {
      const threads = threadsByPlatform.get(message.platform) ?? new Set<string>();
      threads.add(threadIdOf(message));
      threadsByPlatform.set(message.platform, threads);
    }
    for (const [platform, threads] of threadsByPlatform) {
      const found = await store.collections.cases.find(allTeamsScope(), { platform, threadId: { $in: [...threads] } }, { fields: KEY_FIELDS, sort: { createdAt: 1 } });
      for (const doc of found) this.add(doc);
    }
  }

  /** Files a case (read or just opened) under its keys; a key already filed keeps its case. */
  add(doc: CaseKeyFields): void {
    const customerKey = keyOf(doc.platform, doc.threadId, doc.customer.id);
    if (!this.byCustomer.has(customerKey)) this.byCustomer.set(customerKey, doc);
    const thread = this.byThread.get(threadKey(doc.platform, doc.threadId));
    if (!thread) this.byThread.set(threadKey(doc.platform, doc.threadId), [doc]);
    else if (!thread.some((known) => known._id === doc._id)) {
      thread.push(doc);
      thread.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    }
  }

  /** Forgets a case that was filed but never stored (another process opened its conversation first). */
  forget(caseId: string): void {
    for (const [key, doc] of this.byCustomer) if (doc._id === caseId) this.byCustomer.delete(key);
    for (const [key, docs] of this.byThread) this.byThread.set(key, docs.filter((doc) => doc._id !== caseId));
  }

  /** The case a customer's message joins: their DM conversation's, or their own in a public conversation; undefined when it opens one. */
  ofCustomer(message: Message): CaseKeyFields | undefined {
    if (message.channel === 'dm') return this.byThread.get(threadKey(message.platform, threadIdOf(message)))?.[0];
    return this.byCustomer.get(keyOf(message.platform, threadIdOf(message), message.author.id));
  }

  /**
   * The case one of the brand's own messages joins: in a DM conversation its
   * case; in public the case of the customer it answers, when that is known
   * (none when that customer has no case: we answered ourselves or someone
   * never routed); when it is not known, the oldest case of the thread (the
   * customer who started it). Undefined for a post of our own.
   */
  ofBrand(message: Message, answeredAuthorId: string | undefined): CaseKeyFields | undefined {
    const thread = threadIdOf(message);
    if (message.channel === 'public' && answeredAuthorId !== undefined) return this.byCustomer.get(keyOf(message.platform, thread, answeredAuthorId));
    return this.byThread.get(threadKey(message.platform, thread))?.[0];
  }
}

function threadKey(platform: string, threadId: string): string {
  return `${platform}\u0000${threadId}`;
}

function keyOf(platform: string, threadId: string, customerId: string): string {
  return `${platform}\u0000${threadId}\u0000${customerId}`;
}
