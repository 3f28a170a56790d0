import { notFound, unprocessable } from '../errors.js';
import { plainString, type CaseDocument, type MessageDocument, type Store, type TeamScope } from '../store/index.js';
import { changeCase } from './changeCase.js';
import type { ReplySender } from './queueReply.js';

export interface RetryReplyProps {
  store: Store;
  /** The caller's teams: a case outside them is not found. */
  scope: TeamScope;
  sender: ReplySender;
  caseId: string;
  replyId: string;
  now?: Date;
}

/**
 * Puts a failed agent reply back in the outbox's queue (attempts start
 * again), clears the case's reply issue and records a `reply` event. 404 for
 * a reply that is not the case's; 422 unless it failed (a queued one is
 * already being tried, a sent one must not go twice).
 */
export function retryReply(props: RetryReplyProps): Promise<{ reply: MessageDocument; case: CaseDocument }> {
  return props.store.exclusive(`case:${props.caseId}`, async () => {
    const { store, scope, sender } = props;
    const now = props.now ?? new Date();
    const current = await store.collections.cases.findOne(scope, { _id: plainString(props.caseId, 'case id') });
    if (!current) throw notFound('case');
    const replyId = plainString(props.replyId, 'reply id');
    const reply = await store.collections.messages.findOne({ _id: replyId, caseId: current._id, 'delivery.sender.kind': 'user' });
    if (!reply) throw notFound('reply');
    const requeued = await store.collections.messages.findOneAndUpdate(
      { _id: replyId, 'delivery.status': 'failed' },
      { $set: { 'delivery.status': 'queued', 'delivery.attempts': 0, 'delivery.nextAttemptAt': now, 'delivery.error': null } },
      { returnDocument: 'after' },
    );
    if (!requeued) throw unprocessable(`only a failed reply can be tried again; this one is ${reply.delivery!.status}`, [{ pointer: '', message: `reply is ${reply.delivery!.status}` }]);
    const changed = await changeCase({
      store, scope, caseId: current._id, now,
      plan: (latest) => ({
        set: latest.replyIssue?.replyId === replyId ? { replyIssue: null } : {},
        events: [{ type: 'reply', actor: { kind: sender.kind, id: sender.id }, data: { replyId, channel: requeued.channel, status: 'queued', retry: true } }],
      }),
    });
    return { reply: requeued, case: changed?.case ?? current };
  });
}
