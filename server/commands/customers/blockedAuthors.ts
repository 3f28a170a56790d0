import type { Message } from '../../routing/index.js';
import type { Store } from '../../store/index.js';

/** Which of the messages' authors are blocked, as "platform:authorId" (one query per batch). */
export async function blockedAuthors(store: Store, messages: readonly Message[]): Promise<Set<string>> {
  const keys = [...new Set(messages.map((message) => `${message.platform}:${message.author.id}`))];
  if (keys.length === 0) return new Set();
  const blocks = await store.collections.customerBlocks.find({ customer: { $in: keys } }, { sort: { customer: 1 }, fields: ['customer'] });
  return new Set(blocks.map((block) => block.customer));
}
