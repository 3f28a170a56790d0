import type { Message } from '../routing/index.js';
import { messageKey, type Store } from '../store/index.js';

/**
 * For each of the brand's messages, the author of the post it answers:
 * `inReplyToAuthorId` as the connector set it (X: in_reply_to_user_id, or
 * the referenced post's author), else the author of its `inReplyTo` post,
 * found in the batch or among stored messages. Absent when neither tells.
 */
export async function answeredAuthors(store: Store, ours: readonly Message[], batch: readonly Message[]): Promise<Map<string, string>> {
  const answered = new Map<string, string>();
  const authorByPost = new Map(batch.map((message) => [postKey(message.platform, messageKey(message).externalId), message.author.id]));
  const unknown = new Map<string, Set<string>>();
  for (const message of ours) {
    if (typeof message.inReplyToAuthorId === 'string' && message.inReplyToAuthorId !== '') answered.set(message.id, message.inReplyToAuthorId);
    else if (message.inReplyTo && !authorByPost.has(postKey(message.platform, message.inReplyTo))) unknown.set(message.platform, (unknown.get(message.platform) ?? new Set()).add(message.inReplyTo));
  }
  for (const [platform, posts] of unknown) {
    const found = await store.collections.messages.find({ platform, externalId: { $in: [...posts] } }, { fields: ['platform', 'externalId', 'author'] });
    for (const post of found) authorByPost.set(postKey(post.platform, post.externalId), post.author.id);
  }
  for (const message of ours) {
    if (answered.has(message.id) || !message.inReplyTo) continue;
    const author = authorByPost.get(postKey(message.platform, message.inReplyTo));
    if (author !== undefined) answered.set(message.id, author);
  }
  return answered;
}

function postKey(platform: string, externalId: string): string {
  return `${platform}\u0000${externalId}`;
}
